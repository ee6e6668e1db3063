package io.logrouter.transforms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Map options whose keys are field paths, written as text: {@code logger=log.logger, time=event.created}, or one
 * {@code key=value} a line in a YAML block scalar. A YAML map cannot carry them: Camel flattens bean properties to
 * dotted names, so a map key {@code event.dataset} would be read as a nested property {@code event}. Entries are
 * separated by commas or line breaks (so values cannot contain either) and keep their order.
 */
public final class FieldMap {

    private FieldMap() {
    }

    public static Map<String, String> parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String entry : text.split("[,\\r\\n]")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, not '" + trimmed + "'");
            }
            entries.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
        }
        return entries;
    }

    /** The text form again, for getters. */
    public static String format(Map<String, ?> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach((k, v) -> text.append(text.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return text.toString();
    }
}
