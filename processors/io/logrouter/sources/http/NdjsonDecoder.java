package io.logrouter.sources.http;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventId;
import io.logrouter.event.LogEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Turns a request body of newline-delimited lines (NDJSON, or plain text) into one batch: each non-blank line becomes
 * an event whose {@code message} is the line, for the parsers to work on, and its line number is kept in
 * {@link EventOrigins} for the answer. The id is a hash of the line (and of how often the same line came before in
 * this body), so a client that retries a request overwrites what an earlier attempt wrote.
 */
public final class NdjsonDecoder implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        EventOrigins origins = new EventOrigins("line");
        InputStream body = RequestBody.open(exchange);
        EventBatch batch = body == null ? new EventBatch() : decode(body, origins);
        exchange.setProperty(EventOrigins.PROPERTY, origins);
        exchange.getMessage().setBody(batch);
    }

    private static EventBatch decode(InputStream body, EventOrigins origins) throws IOException {
        EventBatch batch = new EventBatch();
        Map<String, Integer> repeats = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                int seen = repeats.merge(line, 1, Integer::sum);
                LogEvent event = LogEvent.ofMessage(EventId.ofContent(seen == 1 ? line : line + '\n' + seen), line);
                batch.add(event);
                origins.record(event, number);
            }
        }
        return batch;
    }
}
