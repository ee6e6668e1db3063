package io.logrouter.transforms.parse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.transforms.FieldList;
import java.util.List;
import java.util.Set;

/**
 * Parses logfmt ({@code level=info msg="token issued" user_id=42}) as Go, Heroku and Grafana's tools write it.
 * Values stay strings (a {@code NumericCoercer} can type them); a quoted value may contain spaces and the escapes
 * {@code \" \\ \n \t \r}.
 *
 * <p>Strict, because in a mixed stream a lenient reader turns plain text into nonsense fields and loses the text: a
 * line is logfmt only when every token is a {@code key=value} pair, a key is letters, digits and {@code _ . - @ /},
 * and a quoted value ends at a space or the end of the line. A bare key (a flag, which becomes {@code true}) is
 * accepted only when it is listed in {@code bareKeys} ({@code *}: any). Anything else fails with the marker and
 * the line kept in {@code message}. {@code keepOriginal} is on by default: logfmt drops the text it parses.
 */
public class LogfmtParser extends FieldParser {

    private static final String ANY = "*";

    private Set<String> bareKeys = Set.of();

    public LogfmtParser() {
        setKeepOriginal(true);
    }

    @Override
    protected ObjectNode parse(String raw) throws UnparseableInput {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
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
            while (i < length && isKeyChar(raw.charAt(i))) {
                i++;
            }
            if (i == keyStart) {
                throw new UnparseableInput("logfmt: not a key at " + i);
            }
            String key = raw.substring(keyStart, i);
            if (i == length || Character.isWhitespace(raw.charAt(i))) {
                if (!bareKeys.contains(key) && !bareKeys.contains(ANY)) {
                    throw new UnparseableInput("logfmt: bare word '" + abbreviated(key) + "' is not a key=value pair");
                }
                fields.put(key, true);
                continue;
            }
            if (raw.charAt(i) != '=') {
                throw new UnparseableInput("logfmt: not a key at " + keyStart);
            }
            i++;
            if (i < length && raw.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i = readQuoted(raw, i + 1, value);
                if (i < length && !Character.isWhitespace(raw.charAt(i))) {
                    throw new UnparseableInput("logfmt: text after a quoted value at " + i);
                }
                fields.put(key, value.toString());
            } else {
                int valueStart = i;
                while (i < length && !Character.isWhitespace(raw.charAt(i))) {
                    if (raw.charAt(i) == '"') {
                        throw new UnparseableInput("logfmt: quote inside an unquoted value at " + i);
                    }
                    i++;
                }
                fields.put(key, raw.substring(valueStart, i));
            }
        }
        if (fields.isEmpty()) {
            throw new UnparseableInput("logfmt: empty line");
        }
        return fields;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '@' || c == '/';
    }

    private static String abbreviated(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "...";
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

    public String getBareKeys() {
        return String.join(",", bareKeys);
    }

    /** Keys that may stand alone as flags ({@code cached, dry-run}), or {@code *} for any; none by default. */
    public void setBareKeys(String bareKeys) {
        List<String> keys = FieldList.parse(bareKeys);
        this.bareKeys = Set.copyOf(keys);
    }
}
