package io.logrouter.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dotted field paths over an event's nested objects. Writers always nest ({@code log.level} becomes
 * {@code {"log":{"level":..}}}) and remove a literal dotted key of the same path from the root, so a field is in one
 * place; readers also accept a literal dotted key, as shippers such as Filebeat send them.
 *
 * <p>{@link #expandDottedKeys} turns literal dotted keys into objects, as Elasticsearch's {@code dot_expander} and
 * Filebeat's {@code expand_keys} do, without losing a value when two spellings meet:
 * <ul>
 *   <li>the same field written both ways ({@code {"a":{"b":1},"a.b":2}}) keeps both values, as an array in document
 *   order ({@code {"a":{"b":[1,2]}}}), which is how Elasticsearch indexes such a document;</li>
 *   <li>a value where an object must go ({@code {"a":1,"a.b":2}}, which Elasticsearch refuses to map) moves into
 *   that object as {@code _value}: {@code {"a":{"_value":1,"b":2}}}.</li>
 * </ul>
 * Keys with an empty part ({@code .a}, {@code a..b}, {@code a.}) are not paths and stay as they are.
 */
public final class FieldPath {

    public static final String MESSAGE = "message";
    public static final String TIMESTAMP = "@timestamp";
    public static final String TAGS = "tags";
    /** Where a value displaced by an object of the same name is kept (see {@link #expandDottedKeys}). */
    public static final String DISPLACED_VALUE = "_value";
    /** The tag of an event in which {@link #expandDottedKeys} found two spellings of a field. */
    public static final String DOTTED_KEY_CONFLICT = "dotted_key_conflict";

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
        root.remove(path); // a flat "log.level" beside the nested one would be a second value readers see first
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

    /**
     * Expands the dotted keys of {@code object} and of the objects inside it (not inside arrays), in place.
     *
     * @return whether two spellings of a field met (see the class comment): worth a tag, since values moved
     */
    public static boolean expandDottedKeys(ObjectNode object) {
        boolean conflict = false;
        List<String> dotted = null;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getValue() instanceof ObjectNode child) {
                conflict |= expandDottedKeys(child);
            }
            if (isPath(entry.getKey())) {
                if (dotted == null) {
                    dotted = new ArrayList<>();
                }
                dotted.add(entry.getKey());
            }
        }
        if (dotted != null) {
            for (String key : dotted) {
                conflict |= place(object, key.split("\\.", -1), 0, object.remove(key));
            }
        }
        return conflict;
    }

    /** Whether a key is a dotted path: a dot, and no empty part. */
    public static boolean isPath(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && !key.endsWith(".") && !key.contains("..");
    }

    /** Puts {@code value} at {@code names[at..]} under {@code parent}; true if it met another value on the way. */
    private static boolean place(ObjectNode parent, String[] names, int at, JsonNode value) {
        String name = names[at];
        JsonNode existing = parent.get(name);
        if (at == names.length - 1) {
            if (existing == null) {
                parent.set(name, value);
                return false;
            }
            if (existing instanceof ObjectNode into && value instanceof ObjectNode from) {
                boolean conflict = false;
                for (Map.Entry<String, JsonNode> entry : from.properties()) {
                    conflict |= place(into, new String[] {entry.getKey()}, 0, entry.getValue());
                }
                return conflict;
            }
            if (existing instanceof ObjectNode into) {
                return place(into, new String[] {DISPLACED_VALUE}, 0, value);
            }
            if (value instanceof ObjectNode from) {
                parent.set(name, from);
                place(from, new String[] {DISPLACED_VALUE}, 0, existing);
                return true;
            }
            ArrayNode values = existing instanceof ArrayNode array ? array : parent.arrayNode().add(existing);
            if (value instanceof ArrayNode array) {
                values.addAll(array);
            } else {
                values.add(value);
            }
            parent.set(name, values);
            return true;
        }
        if (existing instanceof ObjectNode child) {
            return place(child, names, at + 1, value);
        }
        ObjectNode child = parent.putObject(name);
        boolean displaced = existing != null;
        if (displaced) {
            child.set(DISPLACED_VALUE, existing);
        }
        return place(child, names, at + 1, value) || displaced;
    }
}
