package io.logrouter.transforms.parse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parses logfmt ({@code level=info msg="token issued" user_id=42 cached}) as Go, Heroku and Grafana's tools write
 * it. Values stay strings (a {@code NumericCoercer} can type them); a quoted value may contain spaces and the escapes
 * {@code \" \\ \n \t \r}; a bare key is a flag and becomes {@code true}. A line with no {@code key=value} pair at all
 * is plain text, not logfmt, and fails rather than turning every word into a flag.
 */
public class LogfmtParser extends FieldParser {

    @Override
    protected ObjectNode parse(String raw) throws UnparseableInput {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        boolean sawPair = false;
        int length = raw.length();
        int i = 0;
        while (true) {
            while (i < length && Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i == length) {
                break;
            }
            int keyStart = i;
            while (i < length && raw.charAt(i) != '=' && !Character.isWhitespace(raw.charAt(i))) {
                i++;
            }
            if (i == keyStart) {
                throw new UnparseableInput("logfmt: value without a key at " + i);
            }
            String key = raw.substring(keyStart, i);
            if (i == length || raw.charAt(i) != '=') {
                fields.put(key, true);
                continue;
            }
            sawPair = true;
            i++;
            if (i < length && raw.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i = readQuoted(raw, i + 1, value);
                fields.put(key, value.toString());
            } else {
                int valueStart = i;
                while (i < length && !Character.isWhitespace(raw.charAt(i))) {
                    i++;
                }
                fields.put(key, raw.substring(valueStart, i));
            }
        }
        if (!sawPair) {
            throw new UnparseableInput("logfmt: no key=value pair");
        }
        return fields;
    }

    /** Appends the quoted value starting at {@code i} (after the quote) and returns the index after its end quote. */
    private static int readQuoted(String raw, int i, StringBuilder value) throws UnparseableInput {
        while (i < raw.length()) {
            char c = raw.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i < raw.length()) {
                char escaped = raw.charAt(i++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case '"', '\\' -> value.append(escaped);
                    default -> value.append('\\').append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        throw new UnparseableInput("logfmt: unterminated quoted value");
    }
}
