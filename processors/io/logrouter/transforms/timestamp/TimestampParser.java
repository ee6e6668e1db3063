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
 * <p>{@code fields} lists the candidate fields in order; the first one present decides (formats: see
 * {@link TimestampFormats}). To fall back to the time a source already put in {@code @timestamp}, list it last.
 * An event whose time cannot be used is kept, never dropped:
 * <ul>
 *   <li>no candidate present: the time is missing, which is common and not an error, so the event only gets the
 *   {@code timestamp_failure} tag;</li>
 *   <li>a candidate present but unparseable: that is bad input, so the event gets the full marker
 *   ({@code timestamp_failure} tag, {@code error.type}, {@code error.message} with the reason).</li>
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
    private ZoneId zone = ZoneOffset.UTC;
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
                event.put(FieldPath.TIMESTAMP, format(TimestampFormats.parse(value, zone, clock)));
                parsed.increment();
            } catch (DateTimeException | ArithmeticException e) {
                failed.increment();
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

    private void fallBack(LogEvent event, String failedField) {
        Instant time = clock.instant();
        JsonNode existing = event.get(FieldPath.TIMESTAMP);
        if (existing != null && !FieldPath.TIMESTAMP.equals(failedField)) {
            try {
                time = TimestampFormats.parse(existing, zone, clock);
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

    public String getZone() {
        return zone.getId();
    }

    /** The zone of times written without an offset (log4j, nginx error log, syslog); UTC by default. */
    public void setZone(String zone) {
        this.zone = ZoneId.of(zone);
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
