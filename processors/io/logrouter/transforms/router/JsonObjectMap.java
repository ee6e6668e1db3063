package io.logrouter.transforms.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.FieldPath;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An event's fields as the read-only {@link Map} Camel's simple language can index: {@code ${body[log][level]}}
 * walks the nested objects and {@code ${body[log.level]}} takes a dotted field path, which yields null instead of an
 * error when {@code log} is missing. Values are converted when read, so a rule that looks at one field does not pay
 * for converting the whole event.
 */
final class JsonObjectMap extends AbstractMap<String, Object> {

    private final ObjectNode object;

    JsonObjectMap(ObjectNode object) {
        this.object = object;
    }

    @Override
    public Object get(Object key) {
        return key instanceof String path ? toJava(FieldPath.get(object, path)) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String path && FieldPath.get(object, path) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> entries = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> entries.put(field.getKey(), toJava(field.getValue())));
        return entries.entrySet();
    }

    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node instanceof ObjectNode nested) {
            return new JsonObjectMap(nested);
        }
        if (node instanceof ArrayNode array) {
            return new AbstractList<>() {
                @Override
                public Object get(int index) {
                    return toJava(array.get(index));
                }

                @Override
                public int size() {
                    return array.size();
                }
            };
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }
}
