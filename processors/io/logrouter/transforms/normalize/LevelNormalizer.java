package io.logrouter.transforms.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;
import io.logrouter.transforms.FieldList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes {@code log.level} as one of {@code trace, debug, info, warn, error, fatal}, whatever the logger called it,
 * so one dashboard filter covers every service. Reads the first present of {@code fields}; understands the usual
 * names and abbreviations (WARNING, ERR, CRITICAL, PANIC, java.util.logging's SEVERE/FINE, klog's single letters),
 * syslog severity codes 0..7 and bunyan/pino levels 10..60, as numbers or numeric strings. The source field stays
 * as it was, unless it is {@code log.level} itself: an ECS logger's flat {@code "log.level"} key is then replaced by
 * the nested field (see {@code FieldPath.put}), so the event and its document hold one level, the normalized one. A
 * value it does not know is left alone (and counted) rather than guessed: a wrong level hides errors.
 */
public class LevelNormalizer extends EventTransform {

    private static final String TARGET = "log.level";
    private static final Map<String, String> NAMES = names();

    private List<String> fields = FieldList.parse("log.level, level, severity, lvl, loglevel, log.syslog.severity.code");
    private final LongAdder unrecognised = new LongAdder();

    @Override
    public boolean apply(LogEvent event) {
        for (String field : fields) {
            JsonNode value = event.get(field);
            if (value == null || value.isNull() || value.isContainerNode()) {
                continue;
            }
            String level = normalize(value);
            if (level == null) {
                unrecognised.increment();
            } else {
                event.put(TARGET, level);
            }
            return true;
        }
        return true;
    }

    static String normalize(JsonNode value) {
        if (value.isNumber()) {
            return value.canConvertToInt() && value.isIntegralNumber() ? numeric(value.intValue()) : null;
        }
        String text = value.asText().trim();
        if (isSmallNumber(text)) {
            return numeric(Integer.parseInt(text));
        }
        return NAMES.get(text.toLowerCase(Locale.ROOT));
    }

    private static boolean isSmallNumber(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Syslog severities are 0 (emergency) to 7 (debug); bunyan and pino count up from 10 (trace) to 60 (fatal). */
    private static String numeric(int level) {
        return switch (level) {
            case 0, 1, 2, 60 -> "fatal";
            case 3, 50 -> "error";
            case 4, 40 -> "warn";
            case 5, 6, 30 -> "info";
            case 7, 20 -> "debug";
            case 10 -> "trace";
            default -> null;
        };
    }

    private static Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        put(names, "trace", "trace", "trc", "t", "finest", "finer", "verbose");
        put(names, "debug", "debug", "dbg", "d", "fine", "config");
        put(names, "info", "info", "inf", "i", "information", "informational", "notice");
        put(names, "warn", "warn", "warning", "wrn", "w");
        put(names, "error", "error", "err", "e", "severe", "eror");
        put(names, "fatal", "fatal", "ftl", "f", "critical", "crit", "panic", "dpanic", "emerg", "emergency",
                "alert");
        return Map.copyOf(names);
    }

    private static void put(Map<String, String> names, String level, String... aliases) {
        for (String alias : aliases) {
            names.put(alias, level);
        }
    }

    public String getFields() {
        return String.join(",", fields);
    }

    /** Candidate fields in order, first present wins. */
    public void setFields(String fields) {
        this.fields = FieldList.parse(fields);
    }

    public long getUnrecognisedCount() {
        return unrecognised.sum();
    }
}
