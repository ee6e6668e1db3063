package io.logrouter.sinks;

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
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name built from an event, as sinks name their targets: {@code logs-{service.name}-{yyyy.MM.dd}}. A placeholder
 * made only of y, M, d, H and separators is a date over the event's {@code @timestamp} in UTC; any other is a field
 * path whose value the sink makes safe for its kind of name, and a missing one becomes {@code unknown}. An event whose
 * {@code @timestamp} is absent or unreadable is dated by its arrival: it still has to land somewhere.
 */
public final class EventTemplate {

    public static final String MISSING = "unknown";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final Pattern DATE = Pattern.compile("[yMdH.\\-_]+");

    private final List<Function<LogEvent, String>> parts = new ArrayList<>();
    private final String constant;

    /** {@code safeValue} turns a field's (non-blank) value into what the name may hold. */
    public EventTemplate(String template, UnaryOperator<String> safeValue) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int literalStart = 0;
        while (placeholder.find()) {
            parts.add(literal(template, template.substring(literalStart, placeholder.start())));
            parts.add(resolver(placeholder.group(1), safeValue));
            literalStart = placeholder.end();
        }
        parts.add(literal(template, template.substring(literalStart)));
        constant = parts.size() == 1 ? template : null;
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

    private static Function<LogEvent, String> literal(String template, String text) {
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalArgumentException("unbalanced { } in template " + template);
        }
        return event -> text;
    }

    private static Function<LogEvent, String> resolver(String placeholder, UnaryOperator<String> safeValue) {
        if (DATE.matcher(placeholder).matches()) {
            DateTimeFormatter date = DateTimeFormatter.ofPattern(placeholder, Locale.ROOT).withZone(ZoneOffset.UTC);
            return event -> date.format(time(event));
        }
        return event -> {
            String value = event.text(placeholder);
            return value == null || value.isBlank() ? MISSING : safeValue.apply(value);
        };
    }

    private static Instant time(LogEvent event) {
        String timestamp = event.text(FieldPath.TIMESTAMP);
        if (timestamp != null) {
            try {
                return Instant.parse(timestamp);
            } catch (DateTimeParseException e) {
                // dated by arrival below
            }
        }
        return Instant.now();
    }
}
