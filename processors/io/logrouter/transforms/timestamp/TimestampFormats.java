package io.logrouter.transforms.timestamp;

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
 *   <li>the Apache error log's {@code Sun Dec 04 04:47:44 2005} (default zone);</li>
 *   <li>RFC 1123 {@code Tue, 24 Nov 2026 10:00:00 GMT} as HTTP headers write it.</li>
 * </ul>
 */
final class TimestampFormats {

    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);
    /** RFC 3164: {@code Nov 24 10:00:00}, the day padded with a space or not ({@code Nov  4}, {@code Nov 4}). */
    static final PatternFormat SYSLOG = new PatternFormat("MMM d HH:mm:ss[.S]");
    /** The Apache error log's (and ctime's) {@code Sun Dec 04 04:47:44 2005}, Apache 2.4 adding microseconds. */
    static final PatternFormat APACHE_ERROR = new PatternFormat("EEE MMM d HH:mm:ss[.S] yyyy");
    /** TAI64N's label of 1970-01-01T00:00:00Z: 2^62 plus TAI's 10 s lead over UTC then (later leap seconds ignored). */
    private static final BigInteger TAI64_EPOCH = BigInteger.ONE.shiftLeft(62).add(BigInteger.TEN);
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH);
    private static final BigDecimal SECONDS_BELOW = new BigDecimal("1e11");
    private static final BigDecimal MILLIS_BELOW = new BigDecimal("1e14");
    private static final BigDecimal MICROS_BELOW = new BigDecimal("1e17");
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private TimestampFormats() {
    }

    /**
     * The format named {@code auto}: told from the text's shape.
     *
     * @param zone for times written without an offset
     * @param clock the reference for syslog's missing year (see {@link PatternFormat#inferYear})
     */
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
            if (length > 4 && text.charAt(3) == ',') {
                return ZonedDateTime.parse(text, RFC_1123).toInstant();
            }
            return length > 4 && text.charAt(3) == ' ' && Character.isLetter(text.charAt(4))
                    ? APACHE_ERROR.parse(text, zone, clock)
                    : SYSLOG.parse(text, zone, clock);
        }
        throw unrecognised(text);
    }

    /**
     * {@code yyyy-MM-dd[T| ]HH:mm[:ss[(.|,|:)fraction]][ ][Z|+hh:mm|+hhmm|+hh]}, read by position: this is nearly
     * every timestamp the router sees, and a hand-written reader is several times faster than a DateTimeFormatter
     * with optional sections. Range checks are left to LocalDateTime and ZoneOffset.
     */
    static Instant iso(String text, ZoneId zone) {
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
            if (i < length && (text.charAt(i) == '.' || text.charAt(i) == ',' || text.charAt(i) == ':')) {
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
    static Instant httpDate(String text) {
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
        return new UnrecognisedTimestamp(text, "a known timestamp format");
    }

    /** {@code @4000000037c219bf2ef02e94} (daemontools, s6, runit): 16 hex digits of TAI seconds, 8 of nanoseconds. */
    static Instant tai64n(String text) {
        if (text.length() != 25 || text.charAt(0) != '@') {
            throw new UnrecognisedTimestamp(text, "TAI64N");
        }
        try {
            long seconds = new BigInteger(text.substring(1, 17), 16).subtract(TAI64_EPOCH).longValueExact();
            return Instant.ofEpochSecond(seconds, Long.parseLong(text.substring(17), 16));
        } catch (NumberFormatException e) {
            throw new UnrecognisedTimestamp(text, "TAI64N");
        }
    }

    /** An epoch number in a known unit: {@code shift} is the decimal places to nanoseconds (9 for seconds). */
    static Instant epoch(String text, int shift) {
        if (text.isEmpty() || !isNumeric(text)) {
            throw new UnrecognisedTimestamp(text, "an epoch number");
        }
        return epoch(new BigDecimal(text), shift);
    }

    static boolean isNumeric(String text) {
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
        return epoch(value, magnitude.compareTo(SECONDS_BELOW) < 0 ? 9
                : magnitude.compareTo(MILLIS_BELOW) < 0 ? 6
                : magnitude.compareTo(MICROS_BELOW) < 0 ? 3
                : 0);
    }

    private static Instant epoch(BigDecimal value, int shift) {
        BigInteger[] secondsAndNanos = value.movePointRight(shift).toBigInteger().divideAndRemainder(NANOS_PER_SECOND);
        long seconds = secondsAndNanos[0].longValueExact();
        long nanos = secondsAndNanos[1].longValue();
        return Instant.ofEpochSecond(seconds, nanos); // a negative remainder borrows from the seconds
    }
}
