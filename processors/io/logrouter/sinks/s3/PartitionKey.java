package io.logrouter.sinks.s3;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hive-style partition of an event's object key, such as
 * {@code service={service.name}/dt={yyyy-MM-dd}/hour={HH}}, which Athena and Glue read as partition columns.
 *
 * <p>A placeholder made only of y, M, d, H and separators is a date over the event's {@code @timestamp} in UTC;
 * any other is a field path. Field values are reduced to letters, digits, {@code . _ -} so that a value can never add
 * a path level or break the {@code name=value} form; a missing field becomes {@code unknown}. An event whose
 * {@code @timestamp} is absent or unreadable is filed under the current hour (the routes set it on every event, so
 * this is a last resort), the same choice the Elasticsearch sink makes for its index date.
 */
public final class PartitionKey {

    static final String MISSING = "unknown";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");
    private static final Pattern DATE = Pattern.compile("[yMdH.\\-_]+");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final List<Function<LogEvent, String>> segments = new ArrayList<>();

    public PartitionKey(String template) {
        if (template.startsWith("/") || template.endsWith("/")) {
            throw new IllegalArgumentException("partition template must not start or end with /: " + template);
        }
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int literalStart = 0;
        while (placeholder.find()) {
            segments.add(literal(template, template.substring(literalStart, placeholder.start())));
            segments.add(resolver(placeholder.group(1)));
            literalStart = placeholder.end();
        }
        segments.add(literal(template, template.substring(literalStart)));
    }

    public String of(LogEvent event) {
        StringBuilder key = new StringBuilder(64);
        segments.forEach(segment -> key.append(segment.apply(event)));
        return key.toString();
    }

    private static Function<LogEvent, String> literal(String template, String text) {
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalArgumentException("unbalanced { } in partition template " + template);
        }
        return event -> text;
    }

    private static Function<LogEvent, String> resolver(String placeholder) {
        if (DATE.matcher(placeholder).matches()) {
            DateTimeFormatter date = DateTimeFormatter.ofPattern(placeholder, Locale.ROOT).withZone(ZoneOffset.UTC);
            return event -> date.format(time(event));
        }
        return event -> safe(event.text(placeholder));
    }

    private static Instant time(LogEvent event) {
        String timestamp = event.text(FieldPath.TIMESTAMP);
        if (timestamp != null) {
            try {
                return Instant.parse(timestamp);
            } catch (DateTimeParseException e) {
                // filed under the arrival hour below: an archive keeps every event, dated or not
            }
        }
        return Instant.now();
    }

    private static String safe(String value) {
        return value == null || value.isBlank() ? MISSING : UNSAFE.matcher(value).replaceAll("_");
    }
}
