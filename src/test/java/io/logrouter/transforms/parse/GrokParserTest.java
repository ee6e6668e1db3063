package io.logrouter.transforms.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrokParserTest {

    private static GrokParser grok(String pattern) {
        GrokParser parser = new GrokParser();
        parser.setPattern(pattern);
        return parser;
    }

    /** The nginx sample is a Docker json-file log: JSON first, then grok over its log field. */
    private static List<LogEvent> nginxSample() {
        JsonParser docker = new JsonParser();
        GrokParser nginx = grok("^(?:%{COMBINEDAPACHELOG}|%{NGINXERROR})");
        nginx.setField("log");
        return Samples.lines("nginx-").stream().map(line -> {
            LogEvent event = Samples.event(line);
            docker.apply(event);
            nginx.apply(event);
            return event;
        }).toList();
    }

    @Test
    void nginxAccessLinesInTheDockerSampleBecomeEcsFields() {
        List<LogEvent> events = nginxSample();
        LogEvent anonymous = events.get(0);
        LogEvent bob = events.get(1);

        assertEquals("10.1.2.3", anonymous.text("source.address"));
        assertNull(anonymous.get("user.name"));
        assertEquals("24/Nov/2026:10:00:00 +0000", anonymous.text("@timestamp"));
        assertEquals("GET", anonymous.text("http.request.method"));
        assertEquals("/api/v1/items/42", anonymous.text("url.original"));
        assertEquals("1.1", anonymous.text("http.version"));
        assertEquals(200, anonymous.get("http.response.status_code").intValue());
        assertTrue(anonymous.get("http.response.status_code").isIntegralNumber());
        assertEquals(512, anonymous.get("http.response.body.bytes").longValue());
        assertNull(anonymous.get("http.request.referrer"));
        assertEquals("curl/8.5.0", anonymous.text("user_agent.original"));
        assertEquals("stdout", anonymous.text("stream"));
        assertEquals("2026-11-24T10:00:00.000123456Z", anonymous.text("time"));
        assertNull(anonymous.get("log"), "the raw line is replaced by its fields");

        assertEquals("bob", bob.text("user.name"));
        assertEquals("POST", bob.text("http.request.method"));
        assertEquals(401, bob.get("http.response.status_code").intValue());
        assertEquals("https://shop.example/", bob.text("http.request.referrer"));
        assertEquals("Mozilla/5.0 (X11; Linux x86_64)", bob.text("user_agent.original"));
    }

    @Test
    void nginxErrorLineInTheDockerSample() {
        LogEvent error = nginxSample().get(2);

        assertEquals("2026/11/24 10:00:02", error.text("@timestamp"));
        assertEquals("error", error.text("log.level"));
        assertEquals(7, error.get("process.pid").intValue());
        assertEquals(7, error.get("process.thread.id").intValue());
        assertEquals(1, error.get("nginx.error.connection_id").intValue());
        assertTrue(error.text("message").startsWith("upstream timed out (110: Connection timed out)"));
        assertTrue(error.text("message").endsWith("upstream: \"http://10.2.0.9:8080/api/v1/cart\""));
        assertFalse(EventMarkers.has(error, EventMarkers.PARSE_FAILURE));
    }

    @Test
    void log4jSampleHeadersParseAndContinuationLinesAreKeptWithTheMarker() {
        GrokParser parser = grok("^%{LOG4J}");
        List<String> lines = Samples.lines("log4j-plain");
        List<LogEvent> events = lines.stream().map(Samples::event).toList();
        events.forEach(parser::apply);

        LogEvent first = events.get(0);
        assertEquals("2026-11-24 10:00:00,123", first.text("@timestamp"));
        assertEquals("INFO", first.text("log.level"));
        assertEquals("main", first.text("process.thread.name"));
        assertEquals("org.apache.kafka.clients.consumer.ConsumerConfig", first.text("log.logger"));
        assertEquals("ConsumerConfig values:", first.text("message"));
        LogEvent warn = events.get(3);
        assertEquals("WARN", warn.text("log.level"));
        assertEquals("pool-1-thread-2", warn.text("process.thread.name"));
        assertEquals("cart 991 not found, creating", warn.text("message"));
        assertEquals("ERROR", events.get(4).text("log.level"));

        LogEvent continuation = events.get(5);
        assertEquals("java.lang.IllegalStateException: cart locked", continuation.text("message"));
        assertTrue(EventMarkers.has(continuation, EventMarkers.PARSE_FAILURE));
        assertEquals(3, parser.getParsedCount());
        assertEquals(5, parser.getFailedCount());
    }

    @Test
    void log4jDashLayoutFromTheCriSample() {
        String text = Samples.criTexts("checkout-").get(2);
        LogEvent event = Samples.event(text);

        grok("^%{LOG4J}").apply(event);

        assertEquals("ERROR", event.text("log.level"));
        assertEquals("http-nio-8080-exec-3", event.text("process.thread.name"));
        assertEquals("c.s.c.PaymentClient", event.text("log.logger"));
        assertEquals("payment call failed", event.text("message"));
    }

    @Test
    void syslogLineAsFilesHoldIt() {
        LogEvent event = Samples.event(Samples.lines("syslog-rfc3164").get(2));

        grok("^%{SYSLOGLINE}").apply(event);

        assertEquals("Nov 24 10:00:02", event.text("@timestamp"));
        assertEquals("node-2", event.text("host.name"));
        assertEquals("kernel", event.text("process.name"));
        assertTrue(event.text("message").startsWith("[12345.678901] oom-kill"));
    }

    @Test
    void basicPatternsAndTypeConversion() {
        LogEvent event = Samples.event(
                "2026-11-24T10:00:00.123+01:00 WARNING 42 -3.5 fe80::1ff:fe23:4567:890a 192.168.0.1 "
                        + "web-1.example.com /a/b?c=d \"quoted \\\" text\" rest of line");
        grok("^%{TIMESTAMP_ISO8601:@timestamp} %{LOGLEVEL:log.level} %{INT:count:int} %{NUMBER:ratio:float} "
                + "%{IPV6:a.v6} %{IP:a.v4} %{HOSTNAME:a.host} %{URIPATHPARAM:url.original} %{QUOTEDSTRING:q} "
                + "%{GREEDYDATA:message}").apply(event);

        assertEquals("2026-11-24T10:00:00.123+01:00", event.text("@timestamp"));
        assertEquals("WARNING", event.text("log.level"));
        assertEquals(42L, event.get("count").longValue());
        assertEquals(-3.5, event.get("ratio").doubleValue());
        assertEquals("fe80::1ff:fe23:4567:890a", event.text("a.v6"));
        assertEquals("192.168.0.1", event.text("a.v4"));
        assertEquals("web-1.example.com", event.text("a.host"));
        assertEquals("/a/b?c=d", event.text("url.original"));
        assertEquals("\"quoted \\\" text\"", event.text("q"));
        assertEquals("rest of line", event.text("message"));
    }

    @Test
    void ipMatchesBothFamiliesWhole() {
        GrokParser parser = grok("^%{IP:a} %{IP:b} %{IP:c} %{IPORHOST:d}");
        LogEvent event = Samples.event("2001:db8::8a2e:370:7334 ::ffff:10.1.2.3 10.1.2.3 web-1.shop.example");

        parser.apply(event);

        assertEquals("2001:db8::8a2e:370:7334", event.text("a"));
        assertEquals("::ffff:10.1.2.3", event.text("b"));
        assertEquals("10.1.2.3", event.text("c"));
        assertEquals("web-1.shop.example", event.text("d"));
    }

    @Test
    void routeDefinedPatternsFromMapAndLines() {
        GrokParser parser = grok("^%{ORDER:order.id} %{AMOUNT:order.amount:float}");
        parser.setPatterns(Map.of("ORDER", "[A-Z]-\\d+"));
        parser.setPatternDefinitions("# money\nAMOUNT=\\d+\\.\\d\\d\n");
        LogEvent event = Samples.event("A-1001 42.50");

        parser.apply(event);

        assertEquals("A-1001", event.text("order.id"));
        assertEquals(42.5, event.get("order.amount").doubleValue());
    }

    @Test
    void badDefinitionsAreReportedWithTheirName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> grok("%{NOPE:x}").apply(Samples.event("x")));
        assertTrue(unknown.getMessage().contains("%{NOPE}"));

        GrokParser cyclic = grok("%{A}");
        cyclic.setPatternDefinitions("A %{B}\nB %{A}");
        assertThrows(IllegalArgumentException.class, () -> cyclic.apply(Samples.event("x")));

        assertThrows(IllegalArgumentException.class, () -> grok("%{INT:n:bool}").apply(Samples.event("1")));
    }

    @Test
    void unconvertibleValueLeavesTheFieldOut() {
        LogEvent event = Samples.event("n=12345678901234567890123");

        grok("n=%{NOTSPACE:n:int}").apply(event);

        assertNull(event.get("n"));
        assertFalse(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
    }

    @Test
    void catastrophicRouteDefinedPatternEndsInTheMarkerWithinTheTimeout() {
        GrokParser parser = grok("%{BOMB}z");
        parser.setPatterns(Map.of("BOMB", "(.*?,){20}"));
        parser.setTimeoutMillis(50);
        String hostile = ",".repeat(40);
        LogEvent event = Samples.event(hostile);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parser.apply(event));

        assertEquals(hostile, event.text("message"));
        assertTrue(event.text("error.message").startsWith("pattern match exceeded its time budget (50 ms"));
    }

    @Test
    void batchThroughProcessKeepsUnmatchedLines() {
        GrokParser parser = grok("^%{LOG4J}");

        EventBatch out = Samples.process(parser, Samples.event("2026-11-24 10:00:00,123 INFO [m] a.B - hi"),
                Samples.event("\tat x.Y(Y.java:1)"));

        assertEquals(2, out.size());
        assertEquals("hi", out.events().get(0).text("message"));
        assertTrue(EventMarkers.has(out.events().get(1), EventMarkers.PARSE_FAILURE));
    }
}
