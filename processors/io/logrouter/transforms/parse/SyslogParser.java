package io.logrouter.transforms.parse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses syslog lines in either RFC 5424 ({@code <165>1 2026-11-24T10:00:00.003Z host app 4242 ID47 [sd] msg}) or
 * RFC 3164 ({@code <34>Nov 24 10:00:00 host sshd[2231]: msg}, the PRI optional as in files under /var/log), told
 * apart by the version number that only RFC 5424 has after the PRI.
 *
 * <p>Fields follow ECS: {@code log.syslog.priority}, {@code log.syslog.facility.code/name},
 * {@code log.syslog.severity.code/name}, {@code host.name}, {@code process.name}, {@code process.pid},
 * {@code message}; RFC 5424 adds {@code log.syslog.version}, {@code log.syslog.msgid} and its structured data under
 * {@code log.syslog.structured_data.<SD-ID>.<name>}. The header time goes to {@code @timestamp} as written (RFC 3164
 * has no year and no zone), for a {@code TimestampParser} later in the route to resolve (its {@code syslog} format
 * reads the day padded with one space or two).
 *
 * <p>The RFC 3164 tag is read as the program and pid: {@code sshd[2231]:}, {@code kernel[0]:}, {@code postfix/smtpd[12]:},
 * {@code com.apple.xpc.launchd[1]:}, and, with a pid, names with spaces ({@code Microsoft Word[123]:}). A line whose
 * header is not fully readable is not passed off as a complete one: a line with no tag after the host, or one whose
 * PRI is followed by no readable time and host, keeps what could be read and the rest of the text in
 * {@code message}, the whole line in {@code event.original}, and gets the {@code syslog_partial} tag. Structured data
 * element ids (SD-IDs) are kept as keys as written, dots included.
 */
public class SyslogParser extends FieldParser {

    private static final String[] FACILITIES = {
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp", "ntp",
        "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5", "local6",
        "local7"};
    private static final String[] SEVERITIES = {
        "Emergency", "Alert", "Critical", "Error", "Warning", "Notice", "Informational", "Debug"};
    public static final String PARTIAL_TAG = "syslog_partial";

    private static final String NIL = "-";
    private static final char BOM = '\uFEFF';
    // the tag is optional: some daemons and most network devices write none (the line is then partial). A program
    // name may hold spaces only when a pid follows it: without "[pid]" the first word of a message would pass for one
    private static final Pattern RFC3164 = Pattern.compile(
            "([A-Za-z]{3} {1,2}\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?|\\d{4}-\\d\\d-\\d\\dT\\S+) (\\S+) "
                    + "(?:([^:\\[\\]\\s][^:\\[\\]]{0,127}?)\\[(\\d+)\\]: ?" // Microsoft Word[123]:
                    + "|([^:\\[\\]\\s]+)\\[(\\d+)\\] " // macOS: com.apple.xpc.launchd[1] (service[42]) ...
                    + "|([^:\\[\\]\\s]+)(?:\\[\\])?: ?)?(.*)",
            Pattern.DOTALL);

    @Override
    protected ObjectNode parse(String raw) throws UnparseableInput {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        int headerStart = 0;
        if (raw.startsWith("<")) {
            int close = raw.indexOf('>');
            if (close < 2 || close > 4) {
                throw new UnparseableInput("syslog: bad PRI");
            }
            int pri = parsePri(raw.substring(1, close));
            fields.put("log.syslog.priority", pri);
            fields.put("log.syslog.facility.code", pri >> 3);
            fields.put("log.syslog.facility.name", FACILITIES[pri >> 3]);
            fields.put("log.syslog.severity.code", pri & 7);
            fields.put("log.syslog.severity.name", SEVERITIES[pri & 7]);
            headerStart = close + 1;
        }
        int versionEnd = raw.indexOf(' ', headerStart);
        if (headerStart > 0 && versionEnd > headerStart && versionEnd - headerStart <= 2
                && isDigits(raw, headerStart, versionEnd)) {
            fields.put("log.syslog.version", Integer.parseInt(raw.substring(headerStart, versionEnd)));
            new Rfc5424(raw, versionEnd + 1, fields).parse();
        } else if (!parse3164(raw.substring(headerStart), fields)) {
            if (headerStart == 0) {
                throw new UnparseableInput("syslog: not an RFC 3164 or RFC 5424 line");
            }
            fields.put("message", raw.substring(headerStart)); // a PRI and free text: what some devices send
            partial(raw, fields);
        } else if (!fields.has("process.name")) {
            partial(raw, fields);
        }
        return fields;
    }

    private static int parsePri(String digits) throws UnparseableInput {
        if (!isDigits(digits, 0, digits.length())) {
            throw new UnparseableInput("syslog: bad PRI");
        }
        int pri = Integer.parseInt(digits);
        if (pri > 191) {
            throw new UnparseableInput("syslog: PRI out of range: " + pri);
        }
        return pri;
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return to > from;
    }

    private static void partial(String raw, ObjectNode fields) {
        fields.put("event.original", raw);
        fields.putArray("tags").add(PARTIAL_TAG);
    }

    /** False when the line has no RFC 3164 time and host after the PRI. */
    private static boolean parse3164(String line, ObjectNode fields) {
        Matcher m = RFC3164.matcher(line);
        if (!m.matches()) {
            return false;
        }
        fields.put("@timestamp", m.group(1));
        fields.put("host.name", m.group(2));
        String program = m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : m.group(7);
        String pid = m.group(4) != null ? m.group(4) : m.group(6);
        if (program != null) {
            fields.put("process.name", program);
        }
        if (pid != null && pid.length() < 19) {
            fields.put("process.pid", Long.parseLong(pid));
        }
        fields.put("message", m.group(8));
        return true;
    }

    /** A cursor over one RFC 5424 line, from the field after the version. */
    private static final class Rfc5424 {

        private final String line;
        private final ObjectNode fields;
        private int pos;

        Rfc5424(String line, int pos, ObjectNode fields) {
            this.line = line;
            this.pos = pos;
            this.fields = fields;
        }

        void parse() throws UnparseableInput {
            putUnlessNil("@timestamp", token());
            putUnlessNil("host.name", token());
            putUnlessNil("process.name", token());
            String procId = token();
            if (isDigits(procId, 0, procId.length()) && procId.length() < 19) {
                fields.put("process.pid", Long.parseLong(procId));
            } else {
                putUnlessNil("log.syslog.procid", procId);
            }
            putUnlessNil("log.syslog.msgid", token());
            structuredData();
            if (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
            }
            String message = line.substring(Math.min(pos, line.length()));
            fields.put("message", !message.isEmpty() && message.charAt(0) == BOM ? message.substring(1) : message);
        }

        private String token() throws UnparseableInput {
            int end = line.indexOf(' ', pos);
            if (end <= pos) {
                throw new UnparseableInput("syslog: RFC 5424 header ends early");
            }
            String token = line.substring(pos, end);
            pos = end + 1;
            return token;
        }

        private void putUnlessNil(String field, String value) {
            if (!NIL.equals(value)) {
                fields.put(field, value);
            }
        }

        private void structuredData() throws UnparseableInput {
            if (line.startsWith(NIL, pos)) {
                pos++;
                return;
            }
            ObjectNode data = JsonNodeFactory.instance.objectNode();
            while (pos < line.length() && line.charAt(pos) == '[') {
                int idEnd = pos + 1;
                while (idEnd < line.length() && line.charAt(idEnd) != ' ' && line.charAt(idEnd) != ']') {
                    idEnd++;
                }
                // SD-IDs such as exampleSDID@32473 are kept as one key: a dot in them must not nest
                ObjectNode element = data.putObject(line.substring(pos + 1, idEnd));
                pos = idEnd;
                while (pos < line.length() && line.charAt(pos) == ' ') {
                    param(element);
                }
                if (pos >= line.length() || line.charAt(pos) != ']') {
                    throw new UnparseableInput("syslog: unterminated structured data");
                }
                pos++;
            }
            if (data.isEmpty()) {
                throw new UnparseableInput("syslog: expected structured data or '-'");
            }
            fields.set("log.syslog.structured_data", data);
        }

        private void param(ObjectNode element) throws UnparseableInput {
            int eq = line.indexOf("=\"", pos);
            if (eq < 0) {
                throw new UnparseableInput("syslog: bad structured data parameter");
            }
            String name = line.substring(pos + 1, eq);
            StringBuilder value = new StringBuilder();
            int i = eq + 2;
            while (i < line.length() && line.charAt(i) != '"') {
                char c = line.charAt(i++);
                // RFC 5424 escapes only '"', '\' and ']'; any other backslash is literal
                if (c == '\\' && i < line.length() && "\"\\]".indexOf(line.charAt(i)) >= 0) {
                    c = line.charAt(i++);
                }
                value.append(c);
            }
            if (i >= line.length()) {
                throw new UnparseableInput("syslog: unterminated structured data value");
            }
            element.put(name, value.toString());
            pos = i + 1;
        }
    }
}
