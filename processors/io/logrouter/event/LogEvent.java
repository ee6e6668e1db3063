package io.logrouter.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One log event: the document a sink writes, plus the id that makes a redelivery overwrite instead of duplicate.
 * Fields use ECS-style dotted names ({@code log.level}), stored as nested objects; see {@link FieldPath}.
 */
public final class LogEvent {

    /** Room for what a source and the usual parse, level, timestamp and enrich steps put at the root. */
    private static final int ROOT_FIELDS = 24;

    private final ObjectNode fields;
    private String id;

    public LogEvent(String id, ObjectNode fields) {
        this.id = id;
        this.fields = fields;
    }

    /** An event whose only field is {@code message}: what a source hands to the parsers. */
    public static LogEvent ofMessage(String id, String message) {
        ObjectNode fields = new ObjectNode(JsonNodeFactory.instance, mapFor(ROOT_FIELDS));
        fields.put(FieldPath.MESSAGE, message);
        return new LogEvent(id, fields);
    }

    /**
     * The same id with a deep copy of the fields, whose maps are sized for their entries up front (ObjectNode.deepCopy
     * grows each one from the default size): what a destination gets, so that its processors cannot change what
     * another destination writes.
     */
    public LogEvent copy() {
        return new LogEvent(id, copyOf(fields));
    }

    private static ObjectNode copyOf(ObjectNode node) {
        Map<String, JsonNode> children = mapFor(node.size());
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            children.put(field.getKey(), value instanceof ObjectNode object ? copyOf(object) : value.deepCopy());
        }
        return new ObjectNode(JsonNodeFactory.instance, children);
    }

    private static Map<String, JsonNode> mapFor(int entries) {
        return new LinkedHashMap<>((int) Math.ceil(entries / 0.75));
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
