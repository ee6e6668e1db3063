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
import org.junit.jupiter.api.Test;

class SyslogParserTest {

    private final SyslogParser parser = new SyslogParser();

    private LogEvent parsed(String line) {
        LogEvent event = Samples.event(line);
        parser.apply(event);
        return event;
    }

    @Test
    void rfc3164SampleWithPriAndPid() {
        LogEvent event = parsed(Samples.lines("syslog-rfc3164").get(0));

        assertEquals(34, event.get("log.syslog.priority").asInt());
        assertEquals(4, event.get("log.syslog.facility.code").asInt());
        assertEquals("auth", event.text("log.syslog.facility.name"));
        assertEquals(2, event.get("log.syslog.severity.code").asInt());
        assertEquals("Critical", event.text("log.syslog.severity.name"));
        assertEquals("Nov 24 10:00:00", event.text("@timestamp"));
        assertEquals("node-1", event.text("host.name"));
        assertEquals("sshd", event.text("process.name"));
        assertEquals(2231, event.get("process.pid").asLong());
        assertEquals("Failed password for invalid user admin from 203.0.113.7 port 51122 ssh2", event.text("message"));
    }

    @Test
    void rfc3164SampleKubeletMessageKeepsItsQuotes() {
        LogEvent event = parsed(Samples.lines("syslog-rfc3164").get(1));

        assertEquals("user", event.text("log.syslog.facility.name"));
        assertEquals("Notice", event.text("log.syslog.severity.name"));
        assertEquals("kubelet", event.text("process.name"));
        assertEquals(812, event.get("process.pid").asInt());
        assertTrue(event.text("message").startsWith("I1124 10:00:01.123456     812 kubelet.go:2412] \"SyncLoop"));
    }

    @Test
    void rfc3164SampleWithoutPriOrPid() {
        LogEvent event = parsed(Samples.lines("syslog-rfc3164").get(2));

        assertNull(event.get("log.syslog"));
        assertEquals("node-2", event.text("host.name"));
        assertEquals("kernel", event.text("process.name"));
        assertNull(event.get("process.pid"));
        assertEquals("[12345.678901] oom-kill:constraint=CONSTRAINT_MEMCG,task=java,pid=4242,uid=1000",
                event.text("message"));
    }

    @Test
    void rfc5424SampleWithStructuredData() {
        LogEvent event = parsed(Samples.lines("syslog-rfc5424").get(0));

        assertEquals("local4", event.text("log.syslog.facility.name"));
        assertEquals("Notice", event.text("log.syslog.severity.name"));
        assertEquals(1, event.get("log.syslog.version").asInt());
        assertEquals("2026-11-24T10:00:00.003Z", event.text("@timestamp"));
        assertEquals("node-1.shop.example", event.text("host.name"));
        assertEquals("checkout", event.text("process.name"));
        assertEquals(4242, event.get("process.pid").asInt());
        assertEquals("ID47", event.text("log.syslog.msgid"));
        assertEquals("3", event.get("log").get("syslog").get("structured_data").get("exampleSDID@32473")
                .get("iut").asText());
        assertEquals("1011", event.get("log.syslog.structured_data").get("exampleSDID@32473").get("eventID").asText());
        assertEquals("order placed", event.text("message"));
    }

    @Test
    void rfc5424SampleWithNilFields() {
        LogEvent event = parsed(Samples.lines("syslog-rfc5424").get(1));

        assertEquals("2026-11-24T10:00:01+09:00", event.text("@timestamp"));
        assertEquals("node-2", event.text("host.name"));
        assertEquals("cart", event.text("process.name"));
        assertNull(event.get("process.pid"));
        assertNull(event.get("log.syslog.msgid"));
        assertNull(event.get("log.syslog.structured_data"));
        assertEquals("cart emptied by timeout", event.text("message"));
    }

    @Test
    void rfc5424EscapesMultipleElementsAndBom() {
        LogEvent event = parsed("<13>1 - host app - - [a x=\"q\\\"u\\]o\\\\te\\n\"][b y=\"2\"] \uFEFFhello");

        assertEquals("q\"u]o\\te\\n", event.get("log.syslog.structured_data").get("a").get("x").asText());
        assertEquals("2", event.get("log.syslog.structured_data").get("b").get("y").asText());
        assertNull(event.get("@timestamp"));
        assertEquals("hello", event.text("message"));
    }

    @Test
    void malformedLinesKeepTheirTextWithTheMarker() {
        for (String raw : List.of("<999>Nov 24 10:00:00 h p: m", "<abc>x", "<13>1 2026-11-24T10:00:00Z host",
                "<13>1 - h a - - [unterminated x=\"1\"", "hello world")) {
            LogEvent event = parsed(raw);
            assertEquals(raw, event.text("message"));
            assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE), raw);
        }
    }

    @Test
    void hostileMessagesParseWhole() {
        String big = "y".repeat(10 * 1024 * 1024);
        LogEvent huge = parsed("<13>Nov 24 10:00:00 node-1 app[1]: " + big);
        LogEvent surrogate = parsed("<13>1 - host app - - - half \uD800 pair");

        assertEquals(big, huge.text("message"));
        assertEquals("half \uD800 pair", surrogate.text("message"));
    }

    @Test
    void batchThroughProcess() {
        EventBatch out = Samples.process(parser, Samples.event(Samples.lines("syslog-rfc5424").get(1)),
                Samples.event("garbage"));

        assertEquals(2, out.size());
        assertEquals(1, parser.getParsedCount());
        assertEquals(1, parser.getFailedCount());
    }

    @Test
    void tagsWithPidZeroSpacesSlashesAndDotsAreRead() {
        LogEvent kernel = parsed("<0>Nov 9 12:01:01 mac kernel[0]: wake reason: EC.LidOpen");
        LogEvent word = parsed("Nov  9 12:01:01 mac Microsoft Word[123]: document saved");
        LogEvent postfix = parsed("<22>Nov 24 10:00:00 mx1 postfix/smtpd[4711]: connect from unknown[203.0.113.9]");
        LogEvent launchd = parsed("Nov 24 10:00:00 mac com.apple.xpc.launchd[1] (com.apple.mdworker[512]): "
                + "Service exited due to SIGKILL");

        assertEquals("kernel", kernel.text("process.name"));
        assertEquals(0, kernel.get("process.pid").asInt());
        assertEquals("Nov 9 12:01:01", kernel.text("@timestamp"));
        assertEquals("wake reason: EC.LidOpen", kernel.text("message"));
        assertEquals("kern", kernel.text("log.syslog.facility.name"));
        assertEquals("Emergency", kernel.text("log.syslog.severity.name"));
        assertEquals("Microsoft Word", word.text("process.name"));
        assertEquals(123, word.get("process.pid").asInt());
        assertEquals("document saved", word.text("message"));
        assertEquals("postfix/smtpd", postfix.text("process.name"));
        assertEquals("connect from unknown[203.0.113.9]", postfix.text("message"));
        assertEquals("mail", postfix.text("log.syslog.facility.name"));
        assertEquals("Informational", postfix.text("log.syslog.severity.name"));
        assertEquals("com.apple.xpc.launchd", launchd.text("process.name"));
        assertEquals(1, launchd.get("process.pid").asInt());
        assertEquals("(com.apple.mdworker[512]): Service exited due to SIGKILL", launchd.text("message"));
        for (LogEvent event : List.of(kernel, word, postfix, launchd)) {
            assertFalse(EventMarkers.has(event, SyslogParser.PARTIAL_TAG), event.toString());
            assertFalse(EventMarkers.has(event, EventMarkers.PARSE_FAILURE), event.toString());
        }
    }

    @Test
    void aHeaderThatIsNotFullyReadableIsTaggedPartialAndKeepsItsText() {
        String noTag = "Nov 24 10:00:00 switch-3 Interface Gi0/1 changed state to up";
        String priOnly = "<189>%LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up";
        LogEvent untagged = parsed(noTag);
        LogEvent device = parsed(priOnly);

        assertTrue(EventMarkers.has(untagged, SyslogParser.PARTIAL_TAG));
        assertEquals("switch-3", untagged.text("host.name"));
        assertNull(untagged.get("process.name"));
        assertEquals("Interface Gi0/1 changed state to up", untagged.text("message"));
        assertEquals(noTag, untagged.text("event.original"));
        assertTrue(EventMarkers.has(device, SyslogParser.PARTIAL_TAG));
        assertEquals("local7", device.text("log.syslog.facility.name"));
        assertEquals("Notice", device.text("log.syslog.severity.name"));
        assertEquals("%LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up", device.text("message"));
        assertEquals(priOnly, device.text("event.original"));
        assertFalse(EventMarkers.has(device, EventMarkers.PARSE_FAILURE));
    }

    @Test
    void partialTagIsAddedBesideTheTagsASourceSet() {
        LogEvent event = Samples.event("Nov 24 10:00:00 host just text");
        EventMarkers.tag(event, "from-tail");

        parser.apply(event);

        assertTrue(EventMarkers.has(event, "from-tail"));
        assertTrue(EventMarkers.has(event, SyslogParser.PARTIAL_TAG));
    }

    @Test
    void structuredDataIdsWithDotsStayOneKey() {
        LogEvent event = parsed("<165>1 2026-11-24T10:00:00Z h app - - [origin.example@32473 ip=\"10.0.0.1\"] m");

        assertEquals("10.0.0.1",
                event.get("log.syslog.structured_data").get("origin.example@32473").get("ip").asText());
    }
}
