package io.logrouter.transforms.parse;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Parses a stream whose lines come in several formats ({@code format: auto}): each line is read as the first format
 * it is in, tried in this order, each only when the line has that format's shape:
 * <ol>
 *   <li>{@code json}: a JSON object ({@link JsonParser}, dotted keys expanded);</li>
 *   <li>{@code syslog}: RFC 5424 or 3164, with a PRI or starting with a month name or an ISO time
 *   ({@link SyslogParser}, partial headers tagged);</li>
 *   <li>{@code apache}: Apache httpd or nginx access logs, common or combined ({@code COMBINEDAPACHELOG} or
 *   {@code COMMONAPACHELOG}, ECS fields);</li>
 *   <li>{@code logfmt}: strict logfmt ({@link LogfmtParser}: only {@code key=value} pairs; the line is kept in
 *   {@code event.original}, as LogfmtParser does by default);</li>
 *   <li>{@code text}: anything else stays as it is, in {@code message}, without a failure marker.</li>
 * </ol>
 * {@code format} may also list some of these ({@code json, logfmt}): the others are not tried. Each line is counted
 * by the format it was read as, in the metric {@code logrouter.parse.format.events} (tag {@code format}) and in
 * {@code formatCounts}.
 */
public class AutoFormatParser extends FieldParser {

    /** The formats, in the order they are tried. */
    enum LineFormat { JSON, SYSLOG, APACHE, LOGFMT, TEXT }

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private final JsonParser json = new JsonParser();
    private final SyslogParser syslog = new SyslogParser();
    private final GrokParser accessLog = new GrokParser();
    private final LogfmtParser logfmt = new LogfmtParser();
    private final Map<LineFormat, Counter> counters = new EnumMap<>(LineFormat.class);
    private final Map<LineFormat, LongAdder> counts = new EnumMap<>(LineFormat.class);
    private Set<LineFormat> formats = EnumSet.allOf(LineFormat.class);
    private String formatText = "auto";

    public AutoFormatParser() {
        accessLog.setPattern("%{COMBINEDAPACHELOG}|%{COMMONAPACHELOG}");
        for (LineFormat format : LineFormat.values()) {
            counters.put(format, Metrics.counter("logrouter.parse.format.events",
                    "format", format.name().toLowerCase(Locale.ROOT)));
            counts.put(format, new LongAdder());
        }
    }

    @Override
    protected ObjectNode parse(String raw) {
        for (LineFormat format : formats) {
            ObjectNode fields = tryParse(format, raw);
            if (fields != null) {
                counters.get(format).increment();
                counts.get(format).increment();
                return fields;
            }
        }
        throw new IllegalStateException("text always parses");
    }

    /** The fields if {@code raw} is in {@code format}; null when it does not have its shape or does not parse. */
    private ObjectNode tryParse(LineFormat format, String raw) {
        try {
            return switch (format) {
                case JSON -> firstNonBlank(raw) == '{' ? json.parse(raw) : null;
                case SYSLOG -> looksLikeSyslog(raw) ? syslog.parse(raw) : null;
                case APACHE -> raw.indexOf("] \"") > 0 ? accessLog.parse(raw) : null;
                case LOGFMT -> raw.indexOf('=') > 0 ? keepingText(logfmt.parse(raw), raw) : null;
                case TEXT -> JsonNodeFactory.instance.objectNode().put("message", raw);
            };
        } catch (UnparseableInput e) {
            return null;
        }
    }

    /** As with LogfmtParser's keepOriginal default: a logfmt line without msg would otherwise lose its text. */
    private ObjectNode keepingText(ObjectNode fields, String raw) {
        if (!isKeepOriginal()) {
            fields.put("event.original", raw);
        }
        return fields;
    }

    private static char firstNonBlank(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (!Character.isWhitespace(raw.charAt(i))) {
                return raw.charAt(i);
            }
        }
        return 0;
    }

    /** A PRI, an RFC 3164 month, or an ISO date with a 'T' (RFC 3164 as rsyslog writes it with high precision). */
    private static boolean looksLikeSyslog(String raw) {
        if (raw.startsWith("<")) {
            return true;
        }
        if (raw.length() > 4 && raw.charAt(3) == ' ' && Character.isUpperCase(raw.charAt(0))) {
            return MONTHS.contains(raw.substring(0, 3));
        }
        return raw.length() > 11 && raw.charAt(4) == '-' && raw.charAt(10) == 'T';
    }

    public String getFormat() {
        return formatText;
    }

    /** {@code auto} (every format), or a comma-separated list of {@code json, syslog, apache, logfmt}. */
    public void setFormat(String format) {
        Set<LineFormat> chosen = EnumSet.of(LineFormat.TEXT);
        if (format.strip().equalsIgnoreCase("auto")) {
            chosen = EnumSet.allOf(LineFormat.class);
        } else {
            for (String name : format.split(",")) {
                chosen.add(LineFormat.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            }
        }
        this.formats = chosen;
        this.formatText = format;
    }

    /** Lines this parser read, per format. */
    public Map<String, Long> getFormatCounts() {
        return counts.entrySet().stream().collect(Collectors.toMap(
                entry -> entry.getKey().name().toLowerCase(Locale.ROOT), entry -> entry.getValue().sum(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
