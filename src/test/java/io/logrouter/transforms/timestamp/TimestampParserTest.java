package io.logrouter.transforms.timestamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampParserTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final TimestampParser parser = new TimestampParser(Clock.fixed(NOW, ZoneOffset.UTC));

    private LogEvent withTime(String value) {
        LogEvent event = Samples.event("line");
        event.put("@timestamp", value);
        return event;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-24T10:00:00.000Z            | 2026-11-24T10:00:00.000Z",
        "2026-11-24T10:00:00Z                | 2026-11-24T10:00:00.000Z",
        "2026-11-24T10:00:00.000123456Z      | 2026-11-24T10:00:00.000123456Z",
        "2026-11-24T10:00:00.123456Z         | 2026-11-24T10:00:00.123456Z",
        "2026-11-24T10:00:00.1Z              | 2026-11-24T10:00:00.100Z",
        "2026-11-24T10:00:01+09:00           | 2026-11-24T01:00:01.000Z",
        "2026-11-24T10:00:01+0900            | 2026-11-24T01:00:01.000Z",
        "2026-11-24T10:00:01-05              | 2026-11-24T15:00:01.000Z",
        "2026-11-24t10:00:00z                | 2026-11-24T10:00:00.000Z",
        "2026-11-24 10:00:00,123             | 2026-11-24T10:00:00.123Z",
        "2026-11-24 10:00:01.456             | 2026-11-24T10:00:01.456Z",
        "2026-11-24T10:00                    | 2026-11-24T10:00:00.000Z",
        "2026-11-24T10:00:00.1234567891Z     | 2026-11-24T10:00:00.123456789Z",
        "2026-11-24 10:00:00.123 +0000       | 2026-11-24T10:00:00.123Z",
        "2026-11-24T10:00:00+05:30           | 2026-11-24T04:30:00.000Z",
        "1795514400                          | 2026-11-24T10:00:00.000Z",
        "1795514400.123                      | 2026-11-24T10:00:00.123Z",
        "1795514400123                       | 2026-11-24T10:00:00.123Z",
        "1795514400123456                    | 2026-11-24T10:00:00.123456Z",
        "1795514400123456789                 | 2026-11-24T10:00:00.123456789Z",
        "24/Nov/2026:10:00:00 +0000          | 2026-11-24T10:00:00.000Z",
        "24/Nov/2026:11:00:00 +0100          | 2026-11-24T10:00:00.000Z",
        "01/Jan/2027:00:30:00 -0130          | 2027-01-01T02:00:00.000Z",
        "2026/11/24 10:00:02                 | 2026-11-24T10:00:02.000Z",
        "Nov 24 10:00:00                     | 2026-11-24T10:00:00.000Z",
        "Nov  4 10:00:00                     | 2026-11-04T10:00:00.000Z",
        "Nov 24 10:00:00.123456              | 2026-11-24T10:00:00.123456Z",
        "Dec 31 23:59:59                     | 2025-12-31T23:59:59.000Z",
        "Nov 26 11:00:00                     | 2026-11-26T11:00:00.000Z",
        "'Tue, 24 Nov 2026 10:00:00 GMT'     | 2026-11-24T10:00:00.000Z",
    })
    void parsesTheFormatsLogsCarry(String input, String expected) {
        LogEvent event = withTime(input);

        parser.apply(event);

        assertEquals(expected, event.text("@timestamp"));
        assertFalse(EventMarkers.has(event, TimestampParser.TIMESTAMP_FAILURE), input);
    }

    @Test
    void epochNumbersAreToldApartByMagnitude() {
        LogEvent seconds = Samples.event("x");
        seconds.put("ts", JsonNodeFactory.instance.numberNode(1795514400L));
        LogEvent millis = Samples.event("x");
        millis.put("ts", JsonNodeFactory.instance.numberNode(1795514400123L));
        LogEvent fractional = Samples.event("x");
        fractional.put("ts", JsonNodeFactory.instance.numberNode(1795514400.5d));
        parser.setFields("ts");

        parser.apply(seconds);
        parser.apply(millis);
        parser.apply(fractional);

        assertEquals("2026-11-24T10:00:00.000Z", seconds.text("@timestamp"));
        assertEquals("2026-11-24T10:00:00.123Z", millis.text("@timestamp"));
        assertEquals("2026-11-24T10:00:00.500Z", fractional.text("@timestamp"));
    }

    @Test
    void timesWithoutOffsetUseTheConfiguredZone() {
        parser.setZone("Europe/Berlin");
        LogEvent log4j = withTime("2026-11-24 10:00:00,123");
        LogEvent syslog = withTime("Nov 24 10:00:00");

        parser.apply(log4j);
        parser.apply(syslog);

        assertEquals("2026-11-24T09:00:00.123Z", log4j.text("@timestamp"));
        assertEquals("2026-11-24T09:00:00.000Z", syslog.text("@timestamp"));
    }

    @Test
    void firstPresentCandidateDecidesAndTheSourceFieldStays() {
        parser.setFields("time, ts, @timestamp");
        LogEvent event = withTime("2026-01-01T00:00:00Z");
        event.put("ts", "2026-11-24T10:00:00.000123456Z");

        parser.apply(event);

        assertEquals("2026-11-24T10:00:00.000123456Z", event.text("@timestamp"));
        assertEquals("2026-11-24T10:00:00.000123456Z", event.text("ts"));
        assertEquals(1, parser.getParsedCount());
    }

    @Test
    void missingTimeGetsNowAndOnlyTheTag() {
        parser.setFields("time");
        LogEvent event = Samples.event("no time here");

        parser.apply(event);

        assertEquals("2026-11-25T12:00:00.000Z", event.text("@timestamp"));
        assertTrue(EventMarkers.has(event, TimestampParser.TIMESTAMP_FAILURE));
        assertNull(event.get("error"));
        assertEquals(1, parser.getMissingCount());
    }

    @Test
    void missingTimeKeepsTheArrivalTimeASourceSet() {
        parser.setFields("time");
        LogEvent event = withTime("2026-11-24T10:00:00.000000001Z");

        parser.apply(event);

        assertEquals("2026-11-24T10:00:00.000000001Z", event.text("@timestamp"));
        assertTrue(EventMarkers.has(event, TimestampParser.TIMESTAMP_FAILURE));
    }

    @Test
    void unparseableTimeGetsNowAndTheFullMarker() {
        LogEvent garbage = withTime("yesterday-ish");
        LogEvent badDate = withTime("2026-13-45T99:00:00Z");

        parser.apply(garbage);
        parser.apply(badDate);

        assertEquals("2026-11-25T12:00:00.000Z", garbage.text("@timestamp"));
        assertEquals("timestamp_failure", garbage.text("error.type"));
        assertTrue(garbage.text("error.message").startsWith("@timestamp: Text 'yesterday-ish'"),
                garbage.text("error.message"));
        assertEquals("2026-11-25T12:00:00.000Z", badDate.text("@timestamp"));
        assertEquals("timestamp_failure", badDate.text("error.type"));
        assertEquals(2, parser.getFailedCount());
    }

    @Test
    void hugeUnparseableValueGivesAShortReason() {
        LogEvent event = withTime("Nov " + "9".repeat(10 * 1024 * 1024));

        parser.apply(event);

        assertEquals("timestamp_failure", event.text("error.type"));
        assertTrue(event.text("error.message").length() <= 203, "bounded, not the whole input");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-24T10:00:00.Z", "2026-11-24T10:00:00+0", "2026-11-24T10:00:00Zjunk", "2026-11-24X10:00:00Z",
        "24/Nox/2026:10:00:00 +0000", "24/Nov/2026:10:00:00 0000", "24/Nov/2026:10:00:00 +00000",
        "2026-11-24T1a:00:00Z", "2026-02-30T10:00:00Z", "2026-11-24T10:00:00+19:00", "2026-11-24",
    })
    void malformedIsoIsAFailure(String input) {
        LogEvent event = withTime(input);

        parser.apply(event);

        assertEquals("timestamp_failure", event.text("error.type"), input);
        assertEquals("2026-11-25T12:00:00.000Z", event.text("@timestamp"));
    }

    @Test
    void absurdEpochIsAFailureNotACrash() {
        LogEvent event = withTime("9".repeat(40));

        parser.apply(event);

        assertEquals("timestamp_failure", event.text("error.type"));
    }

    @Test
    void batchThroughProcessKeepsEventsWithAndWithoutTime() {
        parser.setFields("time");
        LogEvent first = Samples.event("a");
        first.put("time", "2026-11-24T10:00:00.000123456Z");
        LogEvent noTime = Samples.event("b");

        EventBatch out = Samples.process(parser, first, noTime);

        assertEquals(2, out.size());
        assertEquals("2026-11-24T10:00:00.000123456Z", out.events().get(0).text("@timestamp"));
        assertEquals("2026-11-25T12:00:00.000Z", out.events().get(1).text("@timestamp"));
    }
}
