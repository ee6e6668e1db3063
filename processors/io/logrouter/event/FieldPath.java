package io.logrouter.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dotted field paths over an event's nested objects. Writers always nest ({@code log.level} becomes
 * {@code {"log":{"level":..}}}); readers also accept a literal dotted key, as shippers such as Filebeat send them.
 */
public final class FieldPath {

    public static final String MESSAGE = "message";
    public static final String TIMESTAMP = "@timestamp";
    public static final String TAGS = "tags";

    /**
     * Paths split at their dots. Routes name a handful of paths, read and written for every event: splitting them
     * each time was a sixth of the tail pipeline's allocations. Bounded, since parsed keys reach here too.
     */
    private static final int MAX_SPLIT_PATHS = 1024;
    private static final Map<String, String[]> SPLIT = new ConcurrentHashMap<>();

    private FieldPath() {
    }

    public static JsonNode get(ObjectNode root, String path) {
        JsonNode literal = root.get(path);
        if (literal != null || path.indexOf('.') < 0) {
            return literal;
        }
        JsonNode node = root;
        for (String name : split(path)) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(name);
        }
        return node;
    }

    public static void put(ObjectNode root, String path, JsonNode value) {
        if (path.indexOf('.') < 0) {
            root.set(path, value);
            return;
        }
        String[] names = split(path);
        ObjectNode parent = root;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            if (!(child instanceof ObjectNode)) {
                // a scalar in the way is replaced: the nested ECS field wins over a stray value of the same name
                child = parent.putObject(names[i]);
            }
            parent = (ObjectNode) child;
        }
        parent.set(names[names.length - 1], value);
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

    private static String[] split(String path) {
        String[] names = SPLIT.get(path);
        if (names == null) {
            names = path.split("\\.", -1);
            if (SPLIT.size() < MAX_SPLIT_PATHS) {
                SPLIT.put(path, names);
            }
        }
        return names;
    }
}
