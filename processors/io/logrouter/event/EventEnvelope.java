package io.logrouter.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An event as one JSON document that keeps its id: {@code {"id":..,"event":{..}}}. Events cross queues (the node
 * agent's Kafka leg, the dead-letter topic) this way, so the aggregator writes them under the id the node agent gave
 * them and a re-sent batch overwrites instead of duplicating.
 */
public final class EventEnvelope {

    private EventEnvelope() {
    }

    public static ObjectNode wrap(LogEvent event) {
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.put("id", event.id());
        envelope.set("event", event.fields());
        return envelope;
    }

    /** The event inside {@code envelope}, or null when it is not an envelope. */
    public static LogEvent unwrap(JsonNode envelope) {
        if (envelope == null || !(envelope.get("event") instanceof ObjectNode fields) || !envelope.path("id").isTextual()) {
            return null;
        }
        return new LogEvent(envelope.get("id").asText(), fields);
    }
}
