package io.logrouter.sources.http;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Sets the response of an ingest request. Every header is removed first: platform-http sends the message's headers
 * back, and those still hold the request's (its Authorization among them), which a response must never echo.
 */
final class IngestResponse {

    /** Elasticsearch clients (the Go and Java ones in Beats and Logstash) refuse a server without it. */
    static final String PRODUCT_HEADER = "X-Elastic-Product";

    private IngestResponse() {
    }

    static Message json(Exchange exchange, int status, String body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(body);
        return message;
    }

    /** A response on the Elasticsearch-compatible endpoints. */
    static Message elasticsearch(Exchange exchange, int status, String body) {
        Message message = json(exchange, status, body);
        message.setHeader(PRODUCT_HEADER, "Elasticsearch");
        return message;
    }
}
