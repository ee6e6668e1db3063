package io.logrouter.sources.http;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The answer to an ingest request, set at the end of the route: reaching it means every sink has written or
 * dead-lettered each event, so the 200 is an acknowledgement the client can rely on.
 */
public final class IngestAccepted implements Processor {

    @Override
    public void process(Exchange exchange) {
        Integer received = exchange.getProperty(NdjsonDecoder.RECEIVED, 0, Integer.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody("{\"accepted\":" + received + "}");
    }
}
