package io.logrouter.sources.http;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Turns a request body of newline-delimited lines (NDJSON, or plain text) into one batch: each non-blank line becomes
 * an event whose {@code message} is the line, for the parsers to work on, and its line number is kept in
 * {@link EventOrigins} for the response. Ids come from the request and the line number ({@link RequestIds}). A body
 * without a single non-blank line carries nothing to acknowledge, and is refused with 400.
 */
public final class NdjsonDecoder implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        EventOrigins origins = new EventOrigins("line");
        InputStream body = RequestBody.open(exchange);
        EventBatch batch = body == null ? new EventBatch() : decode(body, RequestIds.of(exchange), origins);
        if (batch.isEmpty()) {
            throw new IngestRejectedException(400, "empty body: send one event per line");
        }
        exchange.setProperty(EventOrigins.PROPERTY, origins);
        IngestAccepted.track(exchange, batch);
        exchange.getMessage().setBody(batch);
    }

    private static EventBatch decode(InputStream body, RequestIds ids, EventOrigins origins) throws IOException {
        EventBatch batch = new EventBatch();
        try (NumberedLines lines = new NumberedLines(body)) {
            String line;
            while ((line = lines.next()) != null) {
                if (!line.isBlank()) {
                    LogEvent event = LogEvent.ofMessage(ids.at(lines.number()), line);
                    batch.add(event);
                    origins.record(event, lines.number());
                }
            }
        }
        return batch;
    }
}
