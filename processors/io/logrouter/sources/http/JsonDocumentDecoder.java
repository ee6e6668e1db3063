package io.logrouter.sources.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import java.io.IOException;
import java.io.InputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Turns a JSON body into one batch: a single object is one event, an array is one event per element, read one
 * element at a time. An object becomes the event's fields as it is; a string element becomes an event with that
 * {@code message}; any other element (number, array, null) is kept as its JSON text with the parse-failure marker.
 * A body that is not JSON at all, or breaks off, is refused whole with 400 and the parser's reason: where a broken
 * document ends is a guess, and the client can correct and resend it. So is an empty array: nothing to acknowledge.
 */
public final class JsonDocumentDecoder implements Processor {

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build())
            .build());

    @Override
    public void process(Exchange exchange) throws IOException {
        InputStream body = RequestBody.open(exchange);
        if (body == null) {
            throw new IngestRejectedException(400, "empty body: send a JSON object or an array of them");
        }
        EventOrigins origins = new EventOrigins("item");
        EventBatch batch = new EventBatch();
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonToken root = parser.nextToken();
            if (root == null) {
                throw new IngestRejectedException(400, "empty body: send a JSON object or an array of them");
            }
            RequestIds ids = RequestIds.of(exchange);
            if (root == JsonToken.START_ARRAY) {
                int item = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    add(batch, origins, ids, MAPPER.readTree(parser), ++item);
                }
            } else if (root == JsonToken.START_OBJECT) {
                add(batch, origins, ids, MAPPER.readTree(parser), 1);
            } else {
                throw new IngestRejectedException(400, "expected a JSON object or array, found " + parser.getText());
            }
            if (parser.nextToken() != null) {
                throw new IngestRejectedException(400, "unexpected content after the JSON document at line "
                        + parser.currentLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw new IngestRejectedException(400, "invalid JSON: " + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr()));
        }
        if (batch.isEmpty()) {
            throw new IngestRejectedException(400, "empty array: nothing to ingest");
        }
        exchange.setProperty(EventOrigins.PROPERTY, origins);
        IngestAccepted.track(exchange, batch);
        exchange.getMessage().setBody(batch);
    }

    private static void add(EventBatch batch, EventOrigins origins, RequestIds ids, JsonNode element, int item) {
        String id = ids.at(item);
        LogEvent event;
        if (element instanceof ObjectNode object) {
            event = new LogEvent(id, object);
        } else if (element.isTextual()) {
            event = LogEvent.ofMessage(id, element.asText());
        } else {
            event = LogEvent.ofMessage(id, element.toString());
            EventMarkers.mark(event, EventMarkers.PARSE_FAILURE, "not a JSON object or string");
        }
        batch.add(event);
        origins.record(event, item);
    }
}
