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
 * Turns a request body of newline-delimited lines into one batch: each non-blank line becomes an event whose
 * {@code message} is the line, for the parsers to work on. The id is a hash of the line (and of how often the same
 * line came before in this body), so a client that retries a request overwrites what an earlier attempt wrote.
 */
public final class NdjsonDecoder implements Processor {

    /** Exchange property with the number of events the request carried, for the response. */
    public static final String RECEIVED = "LogRouterEventsReceived";

    @Override
    public void process(Exchange exchange) throws Exception {
        if (exchange.getMessage().getBody() instanceof Map) {
            // platform-http decodes form bodies into a map: the lines are gone by then
            throw new IngestRejectedException(415, "send NDJSON as application/x-ndjson or application/json,"
                    + " not as a form");
        }
        InputStream body = exchange.getMessage().getBody(InputStream.class);
        EventBatch batch = body == null ? new EventBatch() : decode(body);
        exchange.setProperty(RECEIVED, batch.size());
        exchange.getMessage().setBody(batch);
    }

    private static EventBatch decode(InputStream body) throws IOException {
        EventBatch batch = new EventBatch();
        Map<String, Integer> repeats = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int seen = repeats.merge(line, 1, Integer::sum);
                String id = EventId.ofContent(seen == 1 ? line : line + '\n' + seen);
                batch.add(LogEvent.ofMessage(id, line));
            }
        }
        return batch;
    }
}
