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
        "Nov 9 12:01:01                      | 2026-11-09T12:01:01.000Z",
        "Sun Dec 04 04:47:44 2005            | 2005-12-04T04:47:44.000Z",
        "Tue Nov 24 10:00:00.123456 2026     | 2026-11-24T10:00:00.123456Z",
        "2017-12-23 22:15:29:606             | 2017-12-23T22:15:29.606Z",
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
        assertEquals("yesterday-ish", garbage.text("timestamp_unparsed"), "the written time is kept in its field");
        assertTrue(garbage.text("error.message").startsWith("@timestamp: "), garbage.text("error.message"));
        assertEquals("2026-13-45T99:00:00Z", badDate.text("timestamp_unparsed"));
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Apache                   | Sun Dec 04 04:47:44 2005   | 2005-12-04T04:47:44.000Z",
        "EEE MMM dd HH:mm:ss yyyy | Sun Dec 04 04:47:44 2005   | 2005-12-04T04:47:44.000Z",
        "yyMMdd HHmmss            | 081109 203615              | 2008-11-09T20:36:15.000Z",
        "yy/MM/dd HH:mm:ss        | 17/06/09 20:10:40          | 2017-06-09T20:10:40.000Z",
        "MM.dd HH:mm:ss           | 10.30 16:49:06             | 2026-10-30T16:49:06.000Z",
        "MM-dd HH:mm:ss.SSS       | 03-17 16:13:38.811         | 2026-03-17T16:13:38.811Z",
        "yyyyMMdd-HH:mm:ss:SSS    | 20171223-22:15:29:606      | 2017-12-23T22:15:29.606Z",
        "syslog                   | Nov 9 12:01:01             | 2026-11-09T12:01:01.000Z",
        "syslog                   | Nov  9 12:01:01            | 2026-11-09T12:01:01.000Z",
        "syslog                   | Nov 19 12:01:01            | 2026-11-19T12:01:01.000Z",
        "MMM d HH:mm:ss           | Nov  9 12:01:01            | 2026-11-09T12:01:01.000Z",
        "CLF                      | 24/Nov/2026:11:00:00 +0100 | 2026-11-24T10:00:00.000Z",
        "ISO8601                  | 2026-11-24T10:00:00,5+01   | 2026-11-24T09:00:00.500Z",
        "RFC3339                  | 2026-11-24T10:00:00.25Z    | 2026-11-24T10:00:00.250Z",
        "UNIX                     | 1795514400.5               | 2026-11-24T10:00:00.500Z",
        "UNIX_MS                  | 1795514400123              | 2026-11-24T10:00:00.123Z",
        "UNIX_US                  | 1795514400123456           | 2026-11-24T10:00:00.123456Z",
        "UNIX_NS                  | 1795514400123456789        | 2026-11-24T10:00:00.123456789Z",
        "UNIX_MS                  | 17955144                   | 1970-01-01T04:59:15.144Z",
        "TAI64N                   | @4000000037c219bf2ef02e94  | 1999-08-24T04:04:05.787492500Z",
        "dd/MMM/yyyy:HH:mm:ss Z   | 24/Nov/2026:11:00:00 +0100 | 2026-11-24T10:00:00.000Z",
        "EEE, dd MMM yyyy HH:mm:ss z | 'Tue, 24 Nov 2026 10:00:00 GMT' | 2026-11-24T10:00:00.000Z",
    })
    void readsEachConfiguredFormat(String format, String input, String expected) {
        parser.setFormats(format);
        LogEvent event = withTime(input);

        parser.apply(event);

        assertEquals(expected, event.text("@timestamp"), format);
        assertFalse(EventMarkers.has(event, TimestampParser.TIMESTAMP_FAILURE), input);
    }

    @Test
    void formatsAreTriedInOrderAndTheFirstThatReadsTheTimeWins() {
        parser.setFormats("""
                yyMMdd HHmmss
                yy/MM/dd HH:mm:ss
                MM-dd HH:mm:ss.SSS
                ISO8601
                """);
        LogEvent hdfs = withTime("081109 203615");
        LogEvent spark = withTime("17/06/09 20:10:40");
        LogEvent android = withTime("03-17 16:13:38.811");
        LogEvent iso = withTime("2026-11-24T10:00:00Z");

        Samples.process(parser, hdfs, spark, android, iso);

        assertEquals("2008-11-09T20:36:15.000Z", hdfs.text("@timestamp"));
        assertEquals("2017-06-09T20:10:40.000Z", spark.text("@timestamp"));
        assertEquals("2026-03-17T16:13:38.811Z", android.text("@timestamp"));
        assertEquals("2026-11-24T10:00:00.000Z", iso.text("@timestamp"));
        assertEquals(4, parser.getParsedCount());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HH:mm:ss.SSS | 10:00:00.5          | 2026-11-25T10:00:00.500Z",
        "HH:mm:ss.SSS | 10:00:00.123456789  | 2026-11-25T10:00:00.123456789Z",
        "HH:mm:ss,SSS | 10:00:00,1234       | 2026-11-25T10:00:00.123400Z",
        "HH:mm:ss:S   | 10:00:00:606        | 2026-11-25T10:00:00.606Z",
    })
    void fractionsOfAnyLength(String format, String input, String expected) {
        parser.setFormats("yyyy-MM-dd " + format);
        LogEvent event = withTime("2026-11-25 " + input);

        parser.apply(event);

        assertEquals(expected, event.text("@timestamp"));
    }

    @Test
    void timezoneAppliesOnlyToTimesWrittenWithoutOne() {
        parser.setFormats("""
                yyyy-MM-dd HH:mm:ss Z
                yyMMdd HHmmss
                """);
        parser.setTimezone("America/New_York");
        LogEvent local = withTime("081109 203615");
        LogEvent withOffset = withTime("2026-11-24 10:00:00 +0100");

        parser.apply(local);
        parser.apply(withOffset);

        assertEquals("2008-11-10T01:36:15.000Z", local.text("@timestamp"));
        assertEquals("2026-11-24T09:00:00.000Z", withOffset.text("@timestamp"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // read just after midnight on New Year's Day: a line from the last seconds of the old year is last year's
        "2027-01-01T00:00:30Z | syslog         | Dec 31 23:59:59    | 2026-12-31T23:59:59.000Z",
        "2027-01-01T00:00:30Z | syslog         | Jan  1 00:00:10    | 2027-01-01T00:00:10.000Z",
        "2027-01-01T00:00:30Z | MM-dd HH:mm:ss | 12-31 23:59:59     | 2026-12-31T23:59:59.000Z",
        "2027-01-01T00:00:30Z | MM.dd HH:mm:ss | 01.01 00:00:10     | 2027-01-01T00:00:10.000Z",
        // a sender whose clock runs a little ahead, read just before midnight: already next year's
        "2026-12-31T23:59:00Z | syslog         | Jan 1 00:00:05     | 2027-01-01T00:00:05.000Z",
        "2026-12-31T23:59:00Z | syslog         | Dec 31 23:58:59    | 2026-12-31T23:58:59.000Z",
        // a 29 February is from the last leap year
        "2027-03-01T00:00:00Z | MM-dd HH:mm:ss | 02-29 12:00:00     | 2024-02-29T12:00:00.000Z",
    })
    void yearIsInferredAcrossNewYear(String now, String format, String input, String expected) {
        TimestampParser atNewYear = new TimestampParser(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        atNewYear.setFormats(format);
        LogEvent event = withTime(input);

        atNewYear.apply(event);

        assertEquals(expected, event.text("@timestamp"));
    }

    @Test
    void timeNoConfiguredFormatReadsIsKeptInItsOwnFieldAndTagged() {
        parser.setFields("time");
        parser.setFormats("yyMMdd HHmmss");
        LogEvent event = Samples.event("x");
        event.put("time", "17/06/09 20:10:40");

        parser.apply(event);

        assertEquals("17/06/09 20:10:40", event.text("timestamp_unparsed"));
        assertEquals("17/06/09 20:10:40", event.text("time"));
        assertEquals("2026-11-25T12:00:00.000Z", event.text("@timestamp"));
        assertTrue(EventMarkers.has(event, TimestampParser.TIMESTAMP_FAILURE));
        assertEquals(1, parser.getFailedCount());
    }

    @Test
    void aBadPatternFailsWhenTheRouteStarts() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> parser.setFormats("yyyy-MM-dd HH:mm:ss {"));
    }
}
