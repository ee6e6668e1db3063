package io.logrouter.sinks.s3;

import io.logrouter.event.LogEvent;
import io.logrouter.sinks.EventTemplate;
import java.util.regex.Pattern;

/**
 * The Hive-style partition of an event's object key ({@link EventTemplate}), such as
 * {@code service={service.name}/dt={yyyy-MM-dd}/hour={HH}}, which Athena and Glue read as partition columns. Field
 * values are reduced to letters, digits, {@code . _ -} so that a value can never add a path level or break the
 * {@code name=value} form.
 */
public final class PartitionKey {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final EventTemplate template;

    public PartitionKey(String template) {
        if (template.startsWith("/") || template.endsWith("/")) {
            throw new IllegalArgumentException("partition template must not start or end with /: " + template);
        }
        this.template = new EventTemplate(template, value -> UNSAFE.matcher(value).replaceAll("_"));
    }

    public String of(LogEvent event) {
        return template.resolve(event);
    }
}
