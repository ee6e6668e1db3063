package io.logrouter.sinks.elasticsearch;

import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An index name built from an event: {@code logs-{service.name}-{yyyy.MM.dd}}. A placeholder with a dot-free
 * date pattern of y, M, d or H letters is a date over the event's {@code @timestamp} (UTC); any other is a field
 * path, lower-cased and stripped of characters Elasticsearch forbids in index names.
 */
public final class IndexNameTemplate {

    static final String MISSING = "unknown";

    private final List<Function<LogEvent, String>> parts = new ArrayList<>();
    private final String constant;

    public IndexNameTemplate(String template) {
        int start = 0;
        int open;
        while ((open = template.indexOf('{', start)) >= 0) {
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed { in index template " + template);
            }
            String literal = template.substring(start, open);
            parts.add(event -> literal);
            parts.add(placeholder(template.substring(open + 1, close)));
            start = close + 1;
        }
        String tail = template.substring(start);
        parts.add(event -> tail);
        constant = template.indexOf('{') < 0 ? template : null;
    }

    public String resolve(LogEvent event) {
        if (constant != null) {
            return constant;
        }
        StringBuilder name = new StringBuilder(64);
        for (Function<LogEvent, String> part : parts) {
            name.append(part.apply(event));
        }
        return name.toString();
    }

    private static Function<LogEvent, String> placeholder(String expression) {
        if (expression.matches("[yMdH.\\-_]+")) {
            DateTimeFormatter format = DateTimeFormatter.ofPattern(expression, Locale.ROOT).withZone(ZoneOffset.UTC);
            return event -> format.format(timestamp(event));
        }
        return event -> sanitize(event.text(expression));
    }

    private static Instant timestamp(LogEvent event) {
        String value = event.text(FieldPath.TIMESTAMP);
        if (value != null) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                // an unparsed timestamp still has to land somewhere: the arrival day is the honest choice
            }
        }
        return Instant.now();
    }

    private static String sanitize(String value) {
        if (value == null || value.isEmpty()) {
            return MISSING;
        }
        StringBuilder clean = new StringBuilder(value.length());
        for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) {
            clean.append(c == '\\' || c == '/' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>'
                    || c == '|' || c == ' ' || c == ',' || c == '#' || c == ':' ? '_' : c);
        }
        return clean.toString();
    }
}
