package io.logrouter.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Dotted field paths over an event's nested objects. Writers always nest ({@code log.level} becomes
 * {@code {"log":{"level":..}}}); readers also accept a literal dotted key, as shippers such as Filebeat send them.
 */
public final class FieldPath {

    public static final String MESSAGE = "message";
    public static final String TIMESTAMP = "@timestamp";
    public static final String TAGS = "tags";

    private FieldPath() {
    }

    public static JsonNode get(ObjectNode root, String path) {
        JsonNode literal = root.get(path);
        if (literal != null || path.indexOf('.') < 0) {
            return literal;
        }
        JsonNode node = root;
        int start = 0;
        while (node != null) {
            int dot = path.indexOf('.', start);
            if (dot < 0) {
                return node.isObject() ? node.get(path.substring(start)) : null;
            }
            node = node.isObject() ? node.get(path.substring(start, dot)) : null;
            start = dot + 1;
        }
        return null;
    }

    public static void put(ObjectNode root, String path, JsonNode value) {
        ObjectNode parent = root;
        int start = 0;
        int dot;
        while ((dot = path.indexOf('.', start)) >= 0) {
            String name = path.substring(start, dot);
            JsonNode child = parent.get(name);
            if (!(child instanceof ObjectNode)) {
                // a scalar in the way is replaced: the nested ECS field wins over a stray value of the same name
                child = parent.putObject(name);
            }
            parent = (ObjectNode) child;
            start = dot + 1;
        }
        parent.set(path.substring(start), value);
    }

    public static JsonNode remove(ObjectNode root, String path) {
        JsonNode literal = root.remove(path);
        if (literal != null || path.indexOf('.') < 0) {
            return literal;
        }
        int dot = path.lastIndexOf('.');
        JsonNode parent = get(root, path.substring(0, dot));
        return parent instanceof ObjectNode ? ((ObjectNode) parent).remove(path.substring(dot + 1)) : null;
    }
}
