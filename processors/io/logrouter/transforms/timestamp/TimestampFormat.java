package io.logrouter.transforms.timestamp;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * One way a time can be written: a named format or a {@link java.time.format.DateTimeFormatter} pattern, as route
 * authors list them in {@code TimestampParser}'s {@code formats}.
 */
@FunctionalInterface
interface TimestampFormat {

    /**
     * @param zone for times written without an offset
     * @param clock the reference for a missing year
     * @throws DateTimeException when the text is not in this format
     */
    Instant parse(String text, ZoneId zone, Clock clock);

    /**
     * A named format ({@code auto}, {@code ISO8601}, {@code RFC3339}, {@code UNIX}, {@code UNIX_MS},
     * {@code UNIX_US}, {@code UNIX_NS}, {@code TAI64N}, {@code syslog}, {@code Apache}, {@code CLF}; any case), or
     * else a DateTimeFormatter pattern. A bad pattern fails here, when the route starts.
     */
    static TimestampFormat of(String spec) {
        String name = spec.strip();
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "AUTO" -> TimestampFormats::parse;
            case "ISO8601", "RFC3339" -> (text, zone, clock) -> TimestampFormats.iso(text, zone);
            case "UNIX" -> (text, zone, clock) -> TimestampFormats.epoch(text, 9);
            case "UNIX_MS" -> (text, zone, clock) -> TimestampFormats.epoch(text, 6);
            case "UNIX_US" -> (text, zone, clock) -> TimestampFormats.epoch(text, 3);
            case "UNIX_NS" -> (text, zone, clock) -> TimestampFormats.epoch(text, 0);
            case "TAI64N" -> (text, zone, clock) -> TimestampFormats.tai64n(text);
            case "SYSLOG" -> TimestampFormats.SYSLOG;
            case "APACHE" -> TimestampFormats.APACHE_ERROR;
            case "CLF" -> (text, zone, clock) -> TimestampFormats.httpDate(text);
            default -> new PatternFormat(name);
        };
    }
}
