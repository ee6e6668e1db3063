package io.logrouter.sources.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads an Elasticsearch {@code _bulk} body, as Filebeat, Fluent Bit, Vector and the Elastic clients send it, into one
 * batch: each {@code index} or {@code create} action with its document becomes an event. The document is the event's
 * fields as it is; the action's {@code _id}, when the client set one, is the event id (its retries then overwrite),
 * otherwise an id from the request (or its {@code Idempotency-Key}) and the document's line ({@link RequestIds}).
 * The index the client asked for ({@code _index}, or the {@code /{index}/_bulk} path) is kept in
 * {@code labels.bulk_index}: the route decides where events go, and may use that field to.
 *
 * <p>{@code update} and {@code delete} have no meaning for a log stream: their items are answered 400 in the bulk
 * response and the rest of the request goes on, as Elasticsearch does for a failing item. A document line that is
 * not a JSON object is kept as text with the parse-failure marker. An action line that is not an action makes the
 * rest of the body unreadable, so the whole request is refused with 400, as Elasticsearch does.
 */
public final class BulkRequestDecoder implements Processor {

    /** Exchange property holding the request's items, in order, for the bulk response. */
    public static final String ITEMS = "LogRouterBulkItems";
    /** The field keeping the index the client asked for. */
    public static final String REQUESTED_INDEX_FIELD = "labels.bulk_index";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build())
            .build());

    @Override
    public void process(Exchange exchange) throws IOException {
        String pathIndex = exchange.getMessage().getHeader("index", String.class);
        InputStream body = RequestBody.open(exchange);
        List<BulkItem> items = new ArrayList<>();
        EventBatch batch = new EventBatch();
        if (body != null) {
            decode(body, pathIndex, RequestIds.of(exchange), items, batch);
        }
        if (items.isEmpty()) {
            throw new IngestRejectedException(400, "request body is required");
        }
        exchange.setProperty(ITEMS, items);
        IngestAccepted.track(exchange, batch);
        exchange.getMessage().setBody(batch);
    }

    private static void decode(InputStream body, String pathIndex, RequestIds ids, List<BulkItem> items,
            EventBatch batch) throws IOException {
        try (NumberedLines lines = new NumberedLines(body)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode actionLine = actionLine(line, lines.number());
                String action = actionLine.fieldNames().next();
                JsonNode metadata = actionLine.get(action);
                String index = text(metadata, "_index", pathIndex);
                String id = text(metadata, "_id", null);
                switch (action) {
                    case "index", "create" -> {
                        String source = lines.next();
                        if (source == null) {
                            throw new IngestRejectedException(400, "action on line " + lines.number()
                                    + " has no document line");
                        }
                        LogEvent event = event(source, id == null ? ids.at(lines.number()) : id);
                        if (index != null) {
                            event.put(REQUESTED_INDEX_FIELD, index);
                        }
                        batch.add(event);
                        items.add(BulkItem.accepted(action, index, event));
                    }
                    case "update" -> {
                        lines.next();
                        items.add(refusedChange(action, index, id));
                    }
                    case "delete" -> items.add(refusedChange(action, index, id));
                    default -> throw new IngestRejectedException(400, "malformed action/metadata line ["
                            + lines.number() + "]: unknown action [" + action + "]");
                }
            }
        }
    }

    private static ObjectNode actionLine(String line, int number) {
        JsonNode action;
        try {
            action = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IngestRejectedException(400, "malformed action/metadata line [" + number + "]: "
                    + e.getOriginalMessage());
        }
        if (!(action instanceof ObjectNode object) || object.size() != 1 || !object.elements().next().isObject()) {
            throw new IngestRejectedException(400, "malformed action/metadata line [" + number
                    + "]: expected one action with its metadata object");
        }
        return object;
    }

    private static LogEvent event(String source, String eventId) {
        try {
            if (MAPPER.readTree(source) instanceof ObjectNode fields) {
                return new LogEvent(eventId, fields);
            }
        } catch (JsonProcessingException e) {
            LogEvent event = LogEvent.ofMessage(eventId, source);
            EventMarkers.mark(event, EventMarkers.PARSE_FAILURE, "invalid JSON: " + e.getOriginalMessage());
            return event;
        }
        LogEvent event = LogEvent.ofMessage(eventId, source);
        EventMarkers.mark(event, EventMarkers.PARSE_FAILURE, "not a JSON object");
        return event;
    }

    private static BulkItem refusedChange(String action, String index, String id) {
        return BulkItem.refused(action, index, id, 400, "illegal_argument_exception",
                "the log router only appends: [" + action + "] is not supported");
    }

    private static String text(JsonNode metadata, String field, String fallback) {
        JsonNode value = metadata.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? fallback : value.asText();
    }
}
