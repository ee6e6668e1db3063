package io.logrouter.transforms.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoFormatParserTest {

    private final AutoFormatParser parser = new AutoFormatParser();

    /** A stream where plain text, JSON and logfmt alternate, with syslog and access-log lines among them. */
    private static final List<String> MIXED = List.of(
            "Starting worker pool with 8 threads",
            "{\"@timestamp\":\"2026-11-24T10:00:00Z\",\"log.level\":\"ERROR\",\"message\":\"payment failed\"}",
            "ts=2026-11-24T10:00:01Z level=info msg=\"token issued\" user_id=42",
            "Connection reset by peer retries=3",
            "{\"level\":\"warn\",\"msg\":\"slow query\",\"ms\":812}",
            "level=debug component=cache hit=true",
            "<34>Nov 24 10:00:00 node-1 sshd[2231]: Failed password for invalid user admin",
            "10.1.2.3 - bob [24/Nov/2026:10:00:00 +0000] \"GET /cart HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"",
            "{not json at all",
            "<165>1 2026-11-24T10:00:00.003Z node-1 checkout 4242 ID47 - order placed",
            "user=bob logged in from 10.0.0.1",
            "192.0.2.7 - - [24/Nov/2026:10:00:01 +0000] \"POST /api HTTP/2.0\" 503 -");

    private List<LogEvent> parseAll(List<String> lines) {
        List<LogEvent> events = lines.stream().map(Samples::event).toList();
        events.forEach(parser::apply);
        return events;
    }

    @Test
    void eachLineOfAMixedStreamIsReadInItsFormat() {
        List<LogEvent> events = parseAll(MIXED);

        assertEquals("Starting worker pool with 8 threads", events.get(0).text("message"));
        assertEquals("ERROR", events.get(1).fields().get("log").get("level").asText());
        assertEquals("payment failed", events.get(1).text("message"));
        assertEquals("token issued", events.get(2).text("message"));
        assertEquals("42", events.get(2).text("user_id"));
        assertEquals("Connection reset by peer retries=3", events.get(3).text("message"));
        assertNull(events.get(3).get("retries"), "plain text with one k=v is not logfmt");
        assertEquals(812, events.get(4).get("ms").asInt());
        assertEquals("cache", events.get(5).text("component"));
        assertEquals("level=debug component=cache hit=true", events.get(5).text("event.original"));
        assertEquals("sshd", events.get(6).text("process.name"));
        assertEquals("Critical", events.get(6).text("log.syslog.severity.name"));
        assertEquals("GET", events.get(7).text("http.request.method"));
        assertEquals("curl/8.5.0", events.get(7).text("user_agent.original"));
        assertEquals("{not json at all", events.get(8).text("message"));
        assertEquals("checkout", events.get(9).text("process.name"));
        assertEquals("user=bob logged in from 10.0.0.1", events.get(10).text("message"));
        assertEquals(503, events.get(11).get("http.response.status_code").asInt());
        assertNull(events.get(11).get("http.request.referrer"), "a common-format line has no referrer");
        for (LogEvent event : events) {
            assertFalse(EventMarkers.has(event, EventMarkers.PARSE_FAILURE), event.toString());
            assertTrue(event.text("message") != null || event.text("event.original") != null
                    || event.get("http") != null, "the text is somewhere: " + event);
        }
        assertEquals(Map.of("json", 2L, "syslog", 2L, "apache", 2L, "logfmt", 2L, "text", 4L),
                parser.getFormatCounts());
    }

    @Test
    void aListOfFormatsLimitsWhatIsTried() {
        parser.setFormat("json, logfmt");
        List<LogEvent> events = parseAll(List.of(
                "<34>Nov 24 10:00:00 node-1 sshd[2231]: Failed password",
                "level=info msg=ok",
                "{\"a\":1}"));

        assertEquals("<34>Nov 24 10:00:00 node-1 sshd[2231]: Failed password", events.get(0).text("message"));
        assertNull(events.get(0).get("process.name"));
        assertEquals("ok", events.get(1).text("message"));
        assertEquals(1, events.get(2).get("a").asInt());
        assertEquals(0L, parser.getFormatCounts().get("syslog"));
        assertEquals(1L, parser.getFormatCounts().get("text"));
    }

    @Test
    void batchThroughProcessKeepsEveryLine() {
        EventBatch out = Samples.process(parser, MIXED.stream().map(Samples::event).toArray(LogEvent[]::new));

        assertEquals(MIXED.size(), out.size());
        assertEquals(MIXED.size(), parser.getParsedCount());
        assertEquals(0, parser.getFailedCount());
    }
}
