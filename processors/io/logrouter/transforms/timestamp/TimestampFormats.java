package io.logrouter.transforms.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Reads the timestamp formats logs actually carry. The format is chosen from the text's shape (where the dashes,
 * slashes and letters are), so each value is parsed once, by a hand-written reader for the two common shapes or one
 * cached formatter for the rare ones, instead of trying a list of formats and paying an exception for each miss.
 *
 * <ul>
 *   <li>ISO-8601 / RFC 3339 (nano precision), with {@code T} or a space, {@code .} or log4j's {@code ,} before the
 *   fraction, with {@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh} or no offset (then the default zone);</li>
 *   <li>epoch numbers or numeric strings, the unit told by magnitude: below 1e11 seconds (until year 5138), below
 *   1e14 milliseconds, below 1e17 microseconds, otherwise nanoseconds;</li>
 *   <li>Apache/nginx access logs' {@code 24/Nov/2026:10:00:00 +0000};</li>
 *   <li>nginx error logs' {@code 2026/11/24 10:00:02} (default zone);</li>
 *   <li>syslog's year-less {@code Nov 24 10:00:00} (default zone, year inferred);</li>
 *   <li>RFC 1123 {@code Tue, 24 Nov 2026 10:00:00 GMT} as HTTP headers write it.</li>
 * </ul>
 */
final class TimestampFormats {

    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SYSLOG = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("MMM ppd HH:mm:ss") // RFC 3164 pads single-digit days with a space: "Nov  4"
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH);
    private static final BigDecimal SECONDS_BELOW = new BigDecimal("1e11");
    private static final BigDecimal MILLIS_BELOW = new BigDecimal("1e14");
    private static final BigDecimal MICROS_BELOW = new BigDecimal("1e17");
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final long MAX_SYSLOG_FUTURE_DAYS = 1;

    private TimestampFormats() {
    }

    /**
     * @param zone for times written without an offset
     * @param clock the reference for syslog's missing year: the current year, or the previous one when that would
     *     put the time more than a day in the future (a December line read in January)
     */
    static Instant parse(JsonNode value, ZoneId zone, Clock clock) {
        if (value.isNumber()) {
            return epoch(value.decimalValue());
        }
        if (!value.isTextual()) {
            throw new DateTimeException("not a timestamp: " + value.getNodeType());
        }
        return parse(value.textValue().trim(), zone, clock);
    }

    static Instant parse(String text, ZoneId zone, Clock clock) {
        int length = text.length();
        if (length == 0) {
            throw new DateTimeException("empty timestamp");
        }
        if (length >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            return iso(text, zone);
        }
        if (isNumeric(text)) {
            return epoch(new BigDecimal(text));
        }
        if (length >= 20 && text.charAt(2) == '/' && text.charAt(6) == '/') {
            return httpDate(text);
        }
        if (length >= 19 && text.charAt(4) == '/') {
            return LocalDateTime.parse(text, SLASHED).atZone(zone).toInstant();
        }
        if (Character.isLetter(text.charAt(0))) {
            return length > 3 && text.charAt(3) == ','
                    ? ZonedDateTime.parse(text, RFC_1123).toInstant()
                    : syslog(text, zone, clock);
        }
        throw unrecognised(text);
    }

    /**
     * {@code yyyy-MM-dd[T| ]HH:mm[:ss[(.|,)fraction]][ ][Z|+hh:mm|+hhmm|+hh]}, read by position: this is nearly
     * every timestamp the router sees, and a hand-written reader is several times faster than a DateTimeFormatter
     * with optional sections. Range checks are left to LocalDateTime and ZoneOffset.
     */
    private static Instant iso(String text, ZoneId zone) {
        int length = text.length();
        char separator = length > 10 ? text.charAt(10) : 0;
        if (length < 16 || separator != 'T' && separator != 't' && separator != ' ' || text.charAt(13) != ':') {
            throw unrecognised(text);
        }
        int second = 0;
        int nano = 0;
        int i = 16;
        if (i < length && text.charAt(i) == ':') {
            second = digits(text, 17, 2);
            i = 19;
            if (i < length && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
                int start = ++i;
                for (; i < length && isDigit(text.charAt(i)); i++) {
                    if (i - start < 9) {
                        nano = nano * 10 + text.charAt(i) - '0'; // digits beyond nanoseconds are dropped
                    }
                }
                if (i == start) {
                    throw unrecognised(text);
                }
                for (int scale = Math.min(i - start, 9); scale < 9; scale++) {
                    nano *= 10;
                }
            }
        }
        LocalDateTime local = LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2),
                digits(text, 11, 2), digits(text, 14, 2), second, nano);
        if (i < length && text.charAt(i) == ' ') {
            i++;
        }
        if (i == length) {
            return local.atZone(zone).toInstant();
        }
        char sign = text.charAt(i);
        if ((sign == 'Z' || sign == 'z') && i + 1 == length) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (sign != '+' && sign != '-') {
            throw unrecognised(text);
        }
        int hours = digits(text, i + 1, 2);
        int j = i + 3;
        if (j < length && text.charAt(j) == ':') {
            j++;
        }
        int minutes = j < length ? digits(text, j, 2) : 0;
        if (j < length && j + 2 != length) {
            throw unrecognised(text);
        }
        int direction = sign == '-' ? -1 : 1;
        return local.toInstant(ZoneOffset.ofHoursMinutes(direction * hours, direction * minutes));
    }

    /** {@code dd/MMM/yyyy:HH:mm:ss +hhmm}, every access log's format, read by position like {@link #iso}. */
    private static Instant httpDate(String text) {
        if (text.length() != 26 || text.charAt(11) != ':' || text.charAt(14) != ':' || text.charAt(17) != ':'
                || text.charAt(20) != ' ' || text.charAt(21) != '+' && text.charAt(21) != '-') {
            throw unrecognised(text);
        }
        int month = MONTHS.indexOf(text.substring(3, 6)) + 1;
        if (month == 0) {
            throw unrecognised(text);
        }
        int direction = text.charAt(21) == '-' ? -1 : 1;
        ZoneOffset offset = ZoneOffset.ofHoursMinutes(direction * digits(text, 22, 2), direction * digits(text, 24, 2));
        return LocalDateTime.of(digits(text, 7, 4), month, digits(text, 0, 2), digits(text, 12, 2),
                digits(text, 15, 2), digits(text, 18, 2)).toInstant(offset);
    }

    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            throw unrecognised(text);
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                throw unrecognised(text);
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static DateTimeException unrecognised(String text) {
        return new DateTimeException("unrecognised timestamp format: " + text);
    }

    private static Instant syslog(String text, ZoneId zone, Clock clock) {
        TemporalAccessor parsed = SYSLOG.parse(text);
        ZonedDateTime nowInZone = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime time = ZonedDateTime.of(nowInZone.getYear(), parsed.get(ChronoField.MONTH_OF_YEAR),
                parsed.get(ChronoField.DAY_OF_MONTH), parsed.get(ChronoField.HOUR_OF_DAY),
                parsed.get(ChronoField.MINUTE_OF_HOUR), parsed.get(ChronoField.SECOND_OF_MINUTE),
                parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0, zone);
        if (time.isAfter(nowInZone.plusDays(MAX_SYSLOG_FUTURE_DAYS))) {
            time = time.minusYears(1);
        }
        return time.toInstant();
    }

    private static boolean isNumeric(String text) {
        boolean digits = false;
        boolean point = false;
        for (int i = text.charAt(0) == '-' ? 1 : 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                digits = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digits;
    }

    private static Instant epoch(BigDecimal value) {
        BigDecimal magnitude = value.abs();
        int shift = magnitude.compareTo(SECONDS_BELOW) < 0 ? 9
                : magnitude.compareTo(MILLIS_BELOW) < 0 ? 6
                : magnitude.compareTo(MICROS_BELOW) < 0 ? 3
                : 0;
        BigInteger[] secondsAndNanos = value.movePointRight(shift).toBigInteger().divideAndRemainder(NANOS_PER_SECOND);
        long seconds = secondsAndNanos[0].longValueExact();
        long nanos = secondsAndNanos[1].longValue();
        return Instant.ofEpochSecond(seconds, nanos); // a negative remainder borrows from the seconds
    }
}
