package io.logrouter.transforms.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;
import io.logrouter.transforms.FailureReason;
import io.logrouter.transforms.FieldList;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sets {@code @timestamp} from the event's own time, written as ISO-8601 UTC with milliseconds (microseconds or
 * nanoseconds when the source had them), which Elasticsearch's {@code date} and {@code date_nanos} both accept.
 *
 * <p>{@code fields} lists the candidate fields in order; the first one present decides. {@code formats} lists the
 * formats to try on it, in order, first that reads it wins: named ones ({@link TimestampFormat#of}) and
 * DateTimeFormatter patterns ({@link PatternFormat}); the default, {@code auto}, tells the common formats apart by
 * their shape ({@link TimestampFormats}). To fall back to the time a source already put in {@code @timestamp}, list
 * it last. An event whose time cannot be used is kept, never dropped:
 * <ul>
 *   <li>no candidate present: the time is missing, which is common and not an error, so the event only gets the
 *   {@code timestamp_failure} tag;</li>
 *   <li>a candidate present but unreadable: that is bad input, so the event gets the full marker
 *   ({@code timestamp_failure} tag, {@code error.type}, {@code error.message} with the reason) and the text is
 *   kept as it was written in {@code unparsedField} ({@code timestamp_unparsed}), where a user can see and search it.
 *   </li>
 * </ul>
 * Either way {@code @timestamp} keeps the time a source already set there (arrival time), or gets the current time.
 */
public class TimestampParser extends EventTransform {

    public static final String TIMESTAMP_FAILURE = "timestamp_failure";

    private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();
    private static final DateTimeFormatter MICROS = new DateTimeFormatterBuilder().appendInstant(6).toFormatter();
    private static final DateTimeFormatter NANOS = new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private final Clock clock;
    private List<String> fields = List.of(FieldPath.TIMESTAMP);
    private List<TimestampFormat> formats = List.of(TimestampFormats::parse);
    private String formatsText = "auto";
    private ZoneId zone = ZoneOffset.UTC;
    private String unparsedField = "timestamp_unparsed";
    private final LongAdder parsed = new LongAdder();
    private final LongAdder missing = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public TimestampParser() {
        this(Clock.systemUTC());
    }

    TimestampParser(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean apply(LogEvent event) {
        for (String field : fields) {
            JsonNode value = event.get(field);
            if (value == null || value.isNull() || value.isTextual() && value.textValue().isBlank()) {
                continue;
            }
            try {
                event.put(FieldPath.TIMESTAMP, format(parse(value)));
                parsed.increment();
            } catch (DateTimeException | ArithmeticException e) {
                failed.increment();
                event.put(unparsedField, value);
                fallBack(event, field);
                EventMarkers.mark(event, TIMESTAMP_FAILURE, FailureReason.bounded(field + ": " + e.getMessage()));
            }
            return true;
        }
        missing.increment();
        fallBack(event, null);
        EventMarkers.tag(event, TIMESTAMP_FAILURE);
        return true;
    }

    private Instant parse(JsonNode value) {
        if (!value.isNumber() && !value.isTextual()) {
            throw new DateTimeException("not a timestamp: " + value.getNodeType());
        }
        String text = value.isNumber() ? value.decimalValue().toPlainString() : value.textValue().strip();
        DateTimeException miss = null;
        for (TimestampFormat candidate : formats) {
            try {
                return candidate.parse(text, zone, clock);
            } catch (DateTimeException e) {
                miss = miss == null ? e : miss; // the first format's reason is the one the author expected to hit
            }
        }
        throw miss;
    }

    private void fallBack(LogEvent event, String failedField) {
        Instant time = clock.instant();
        JsonNode existing = event.get(FieldPath.TIMESTAMP);
        if (existing != null && !FieldPath.TIMESTAMP.equals(failedField)) {
            try {
                time = parse(existing);
            } catch (DateTimeException | ArithmeticException e) {
                // the source's own time is no better than the one it was meant to stand in for: use now
            }
        }
        event.put(FieldPath.TIMESTAMP, format(time));
    }

    static String format(Instant time) {
        int nanos = time.getNano();
        if (nanos % 1_000_000 == 0) {
            return MILLIS.format(time);
        }
        return nanos % 1_000 == 0 ? MICROS.format(time) : NANOS.format(time);
    }

    public String getFields() {
        return String.join(",", fields);
    }

    /** Comma-separated candidate fields, first present wins: e.g. {@code time,ts,timestamp,@timestamp}. */
    public void setFields(String fields) {
        this.fields = FieldList.parse(fields);
    }

    public String getFormats() {
        return formatsText;
    }

    /**
     * One format a line (a YAML block scalar), tried in order: named formats and DateTimeFormatter patterns, which
     * may contain commas; {@code auto} by default. A bad pattern fails the route's start.
     */
    public void setFormats(String formats) {
        this.formats = formats.lines().filter(line -> !line.isBlank()).map(TimestampFormat::of).toList();
        if (this.formats.isEmpty()) {
            throw new IllegalArgumentException("formats lists no format");
        }
        this.formatsText = formats;
    }

    public String getTimezone() {
        return zone.getId();
    }

    /** The zone of times written without an offset (log4j, nginx error log, syslog); UTC by default. */
    public void setTimezone(String timezone) {
        this.zone = ZoneId.of(timezone);
    }

    /** The earlier name of {@code timezone}, which routes already use. */
    public void setZone(String zone) {
        setTimezone(zone);
    }

    public String getUnparsedField() {
        return unparsedField;
    }

    /** Where an unreadable time is kept as written; {@code timestamp_unparsed} by default. */
    public void setUnparsedField(String unparsedField) {
        this.unparsedField = unparsedField;
    }

    public long getParsedCount() {
        return parsed.sum();
    }

    public long getMissingCount() {
        return missing.sum();
    }

    public long getFailedCount() {
        return failed.sum();
    }
}
