package io.logrouter.transforms.timestamp;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * A {@link DateTimeFormatter} pattern made forgiving in the ways log timestamps vary within one format:
 * <ul>
 *   <li>a run of {@code S} reads a fraction of any length, 1 to 9 digits ({@code ss.SSS} also reads {@code .5} and
 *   {@code .123456789});</li>
 *   <li>runs of spaces count as one, in the pattern and in the text, so {@code MMM d} reads syslog's
 *   {@code Nov  9} and {@code Nov 9} alike;</li>
 *   <li>two-digit years ({@code yy}) are 2000 to 2099;</li>
 *   <li>a pattern without a year gets the most recent year that does not put the time more than a day in the future
 *   (a day of clock skew between hosts is tolerated), so a {@code Dec 31} line read on 1 January is last year's;</li>
 *   <li>a pattern without an offset or zone is read in the configured zone; month and day names are English.</li>
 * </ul>
 */
final class PatternFormat implements TimestampFormat {

    private static final long MAX_FUTURE_DAYS = 1;
    /** Enough years back to reach a 29 February from any date. */
    private static final int MAX_YEARS_BACK = 8;

    private final String pattern;
    private final DateTimeFormatter formatter;

    PatternFormat(String pattern) {
        this.pattern = pattern;
        this.formatter = build(singleSpaced(pattern));
    }

    private static DateTimeFormatter build(String pattern) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
        StringBuilder literal = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == 'S' && !quoted) {
                while (i + 1 < pattern.length() && pattern.charAt(i + 1) == 'S') {
                    i++;
                }
                builder.appendPattern(literal.toString());
                literal.setLength(0);
                builder.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, false);
            } else {
                literal.append(c);
            }
        }
        return builder.appendPattern(literal.toString()).toFormatter(Locale.ENGLISH);
    }

    @Override
    public Instant parse(String text, ZoneId zone, Clock clock) {
        String input = singleSpaced(text);
        ParsePosition position = new ParsePosition(0);
        // parseUnresolved reports a miss without an exception: in a list of formats, most tried formats miss
        if (formatter.parseUnresolved(input, position) == null || position.getIndex() != input.length()) {
            throw new UnrecognisedTimestamp(text, pattern);
        }
        TemporalAccessor parsed = formatter.parse(input);
        LocalTime time = parsed.query(TemporalQueries.localTime());
        if (time == null) {
            time = LocalTime.MIDNIGHT;
        }
        ZoneId written = parsed.query(TemporalQueries.zone());
        ZoneId in = written != null ? written : zone;
        LocalDate date = parsed.query(TemporalQueries.localDate());
        if (date != null) {
            return ZonedDateTime.of(date, time, in).toInstant();
        }
        if (!parsed.isSupported(ChronoField.MONTH_OF_YEAR) || !parsed.isSupported(ChronoField.DAY_OF_MONTH)) {
            throw new UnrecognisedTimestamp(text, pattern);
        }
        return inferYear(parsed.get(ChronoField.MONTH_OF_YEAR), parsed.get(ChronoField.DAY_OF_MONTH), time, in, clock);
    }

    /** The most recent year in which month/day/time is not more than a day ahead of the clock. */
    static Instant inferYear(int month, int day, LocalTime time, ZoneId zone, Clock clock) {
        ZonedDateTime latest = ZonedDateTime.now(clock.withZone(zone)).plusDays(MAX_FUTURE_DAYS);
        for (int year = latest.getYear(); year >= latest.getYear() - MAX_YEARS_BACK; year--) {
            if (day <= YearMonth.of(year, month).lengthOfMonth()) {
                ZonedDateTime candidate = ZonedDateTime.of(LocalDate.of(year, month, day), time, zone);
                if (!candidate.isAfter(latest)) {
                    return candidate.toInstant();
                }
            }
        }
        throw new DateTimeException("no year has " + month + "/" + day);
    }

    private static String singleSpaced(String text) {
        return text.contains("  ") ? text.replaceAll(" {2,}", " ") : text;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
