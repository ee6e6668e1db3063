package io.logrouter.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One log event: the document a sink writes, plus the id that makes a redelivery overwrite instead of duplicate.
 * Fields use ECS-style dotted names ({@code log.level}), stored as nested objects; see {@link FieldPath}.
 */
public final class LogEvent {

    private final ObjectNode fields;
    private String id;

    public LogEvent(String id, ObjectNode fields) {
        this.id = id;
        this.fields = fields;
    }

    /** An event whose only field is {@code message}: what a source hands to the parsers. */
    public static LogEvent ofMessage(String id, String message) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put(FieldPath.MESSAGE, message);
        return new LogEvent(id, fields);
    }

    public String id() {
        return id;
    }

    public void id(String id) {
        this.id = id;
    }

    public ObjectNode fields() {
        return fields;
    }

    /** The text value at a dotted path, or null when absent or not a scalar. */
    public String text(String path) {
        JsonNode node = FieldPath.get(fields, path);
        return node == null || node.isContainerNode() || node.isNull() ? null : node.asText();
    }

    public JsonNode get(String path) {
        return FieldPath.get(fields, path);
    }

    public void put(String path, String value) {
        FieldPath.put(fields, path, JsonNodeFactory.instance.textNode(value));
    }

    public void put(String path, JsonNode value) {
        FieldPath.put(fields, path, value);
    }

    public JsonNode remove(String path) {
        return FieldPath.remove(fields, path);
    }

    @Override
    public String toString() {
        return "LogEvent[" + id + "] " + fields;
    }
}
