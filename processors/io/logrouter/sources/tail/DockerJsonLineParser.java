package io.logrouter.sources.tail;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lines of Docker's json-file log driver: {@code {"log":"text\n","stream":"stdout","time":"2026-..Z"}}. Docker splits
 * lines longer than 16 KiB into several records; all but the last lack the trailing newline, so they are partial.
 */
final class DockerJsonLineParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerJsonLineParser() {
    }

    /** The parsed line, or null when the line is not a json-file record. */
    static ContainerLine parse(String line) {
        JsonNode record;
        try {
            record = JSON.readTree(line);
        } catch (JacksonException e) {
            return null;
        }
        JsonNode log = record == null ? null : record.get("log");
        if (log == null || !log.isTextual()) {
            return null;
        }
        String text = log.textValue();
        boolean partial = !text.endsWith("\n");
        if (!partial) {
            text = text.substring(0, text.length() - 1);
        }
        return new ContainerLine(textOrNull(record, "time"), textOrNull(record, "stream"), partial, text, null);
    }

    private static String textOrNull(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
