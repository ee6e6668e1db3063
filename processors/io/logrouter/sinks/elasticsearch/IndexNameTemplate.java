package io.logrouter.sinks.elasticsearch;

import io.logrouter.event.LogEvent;
import io.logrouter.sinks.EventTemplate;
import java.util.Locale;

/**
 * An index name built from an event ({@link EventTemplate}): {@code logs-{service.name}-{yyyy.MM.dd}}. Field values
 * are lower-cased and stripped of the characters Elasticsearch forbids in index names.
 */
public final class IndexNameTemplate {

    private final EventTemplate template;

    public IndexNameTemplate(String template) {
        this.template = new EventTemplate(template, IndexNameTemplate::indexSafe);
    }

    public String resolve(LogEvent event) {
        return template.resolve(event);
    }

    private static String indexSafe(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) {
            clean.append(c == '\\' || c == '/' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>'
                    || c == '|' || c == ' ' || c == ',' || c == '#' || c == ':' ? '_' : c);
        }
        return clean.toString();
    }
}
