package io.logrouter.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * How an event says that a stage could not do its work on it: a tag a dashboard can filter on, and the reason in
 * ECS's {@code error.*} fields. Bad input is kept this way instead of being dropped.
 */
public final class EventMarkers {

    public static final String PARSE_FAILURE = "parse_failure";
    public static final String TRUNCATED = "truncated";

    private EventMarkers() {
    }

    public static void mark(LogEvent event, String tag, String reason) {
        tag(event, tag);
        event.put("error.type", tag);
        event.put("error.message", reason);
    }

    public static void tag(LogEvent event, String tag) {
        JsonNode tags = event.fields().get(FieldPath.TAGS);
        ArrayNode array = tags instanceof ArrayNode ? (ArrayNode) tags : event.fields().putArray(FieldPath.TAGS);
        for (JsonNode existing : array) {
            if (tag.equals(existing.asText())) {
                return;
            }
        }
        array.add(tag);
    }

    public static boolean has(LogEvent event, String tag) {
        JsonNode tags = event.fields().get(FieldPath.TAGS);
        if (tags instanceof ArrayNode) {
            for (JsonNode existing : tags) {
                if (tag.equals(existing.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
