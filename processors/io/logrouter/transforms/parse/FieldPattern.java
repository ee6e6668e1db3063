package io.logrouter.transforms.parse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.transforms.DeadlineCharSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regex whose named groups are event fields: {@code (?<http.response.status_code:int>\d+)}. Java group names allow
 * only letters and digits, so each field group is renamed to a generated one at compile time; that lets names be
 * ECS paths ({@code @timestamp}, dots) and carry a type: {@code int} (a long), {@code float} (a double) or
 * {@code string} (the default). A value that does not convert (an Apache log's {@code -} bytes) leaves the field
 * out rather than failing the line. When several groups name one field (alternatives), the first that matched wins.
 */
final class FieldPattern {

    private enum Type { STRING, INT, FLOAT }

    private record Capture(String group, String field, Type type) {
    }

    private final Pattern pattern;
    private final List<Capture> captures;

    private FieldPattern(Pattern pattern, List<Capture> captures) {
        this.pattern = pattern;
        this.captures = captures;
    }

    static FieldPattern compile(String regex) {
        List<Capture> captures = new ArrayList<>();
        StringBuilder java = new StringBuilder(regex.length());
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                java.append(c).append(regex.charAt(++i));
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (!inClass && regex.startsWith("(?<", i) && i + 3 < regex.length()
                    && regex.charAt(i + 3) != '=' && regex.charAt(i + 3) != '!') {
                int close = regex.indexOf('>', i + 3);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated group name in " + regex);
                }
                String group = "f" + captures.size();
                captures.add(capture(group, regex.substring(i + 3, close)));
                java.append("(?<").append(group).append('>');
                i = close;
                continue;
            }
            java.append(c);
        }
        return new FieldPattern(Pattern.compile(java.toString()), List.copyOf(captures));
    }

    private static Capture capture(String group, String spec) {
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new Capture(group, spec, Type.STRING);
        }
        String type = spec.substring(colon + 1);
        return new Capture(group, spec.substring(0, colon), switch (type) {
            case "int", "long" -> Type.INT;
            case "float", "double" -> Type.FLOAT;
            case "string" -> Type.STRING;
            default -> throw new IllegalArgumentException("unknown type '" + type + "' for field " + spec);
        });
    }

    /** The fields of the first match in {@code text}; the search gives up past its budget (see DeadlineCharSequence). */
    ObjectNode match(String text, long timeoutMillis) throws UnparseableInput {
        Matcher m = pattern.matcher(DeadlineCharSequence.withBudget(text, timeoutMillis));
        try {
            if (!m.find()) {
                throw new UnparseableInput("no match for pattern");
            }
        } catch (DeadlineCharSequence.Expired e) {
            throw new UnparseableInput("pattern match exceeded its time budget (" + timeoutMillis + " ms + length)");
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (Capture capture : captures) {
            String value = m.group(capture.group());
            if (value != null && !fields.has(capture.field())) {
                put(fields, capture, value);
            }
        }
        return fields;
    }

    private static void put(ObjectNode fields, Capture capture, String value) {
        try {
            switch (capture.type()) {
                case INT -> fields.put(capture.field(), Long.parseLong(value));
                case FLOAT -> fields.put(capture.field(), Double.parseDouble(value));
                default -> fields.put(capture.field(), value);
            }
        } catch (NumberFormatException e) {
            // not a number after all: the field stays out rather than failing the whole line
        }
    }
}
