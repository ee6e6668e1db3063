package io.logrouter.sources.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Elasticsearch's error format, {@code {"error":{"type":..,"reason":..},"status":..}}: what the shippers pointed at
 * the {@code _bulk} endpoint parse, and what every refusal of the router is answered with, from a route's
 * {@code onException} or from an HTTP filter that answers before any route runs.
 */
public final class ElasticsearchError {

    private ElasticsearchError() {
    }

    public static String body(int status, String reason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type(status));
        error.put("reason", reason);
        body.put("status", status);
        return body.toString();
    }

    /**
     * Answers a request with the error, and a Retry-After unless it is 0, before any route has seen it. Its body is
     * read and dropped: a client still writing it must get the response, not a reset connection. A client that asked
     * to be told before it sends the body ({@code Expect: 100-continue}, HTTP/1.x) gets the status alone, and loses
     * the connection once it has it: it may or may not send the body now, so the connection cannot carry a next
     * request; and the JDK 17 HTTP client, for one, loses a body sent with such a response and waits forever.
     */
    public static void respond(RoutingContext context, int status, int retryAfterSeconds, String reason) {
        HttpServerRequest request = context.request();
        request.handler(ignored -> { });
        HttpServerResponse response = context.response();
        if (retryAfterSeconds > 0) {
            response.putHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
        boolean awaitsContinue = request.version() != HttpVersion.HTTP_2
                && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
        response.setStatusCode(status).putHeader(IngestResponse.PRODUCT_HEADER, "Elasticsearch");
        if (awaitsContinue) {
            response.putHeader(HttpHeaders.CONNECTION, "close").end()
                    .onComplete(sent -> request.connection().close());
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body(status, reason));
        }
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> "illegal_argument_exception";
            case 401 -> "security_exception";
            case 413 -> "request_entity_too_large";
            case 415 -> "media_type_header_exception";
            case 429 -> "es_rejected_execution_exception";
            case 503 -> "unavailable_exception";
            default -> "router_exception";
        };
    }
}
