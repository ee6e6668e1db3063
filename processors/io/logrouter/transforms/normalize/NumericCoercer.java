package io.logrouter.transforms.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;
import io.logrouter.transforms.FieldList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns numeric strings into numbers ({@code "42"} into a long, {@code "3.2"} into a double) so Elasticsearch can
 * aggregate them and the index mapping does not flip between text and number. Text parsers such as logfmt and grok
 * without a type produce strings. A value that is not numeric, or an integer too large for a long (an id, where
 * precision matters more than arithmetic), stays as it is.
 */
public class NumericCoercer extends EventTransform {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eE][+-]?\\d{1,3})?");
    private static final int MAX_NUMBER_LENGTH = 64;

    private List<String> fields = List.of();

    @Override
    public boolean apply(LogEvent event) {
        for (String field : fields) {
            JsonNode value = event.get(field);
            if (value == null || !value.isTextual() || value.textValue().length() > MAX_NUMBER_LENGTH) {
                continue;
            }
            String text = value.textValue().trim();
            if (INTEGER.matcher(text).matches()) {
                try {
                    event.put(field, JsonNodeFactory.instance.numberNode(Long.parseLong(text)));
                } catch (NumberFormatException e) {
                    // beyond a long: a double would round it, so it stays text
                }
            } else if (DECIMAL.matcher(text).matches()) {
                event.put(field, JsonNodeFactory.instance.numberNode(Double.parseDouble(text)));
            }
        }
        return true;
    }

    public String getFields() {
        return String.join(",", fields);
    }

    /** Comma-separated paths to coerce. */
    public void setFields(String fields) {
        this.fields = FieldList.parse(fields);
    }
}
