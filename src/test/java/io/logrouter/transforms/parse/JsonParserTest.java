package io.logrouter.transforms.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.FailureMode;
import io.logrouter.transforms.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonParserTest {

    private final JsonParser parser = new JsonParser();

    @Test
    void criJsonLinesBecomeFieldsAndTheirMessageBecomesMessage() {
        List<String> texts = Samples.criTexts("checkout-");
        LogEvent event = Samples.event(texts.get(0));
        event.put("log.file.path", "/var/log/containers/checkout.log");

        assertTrue(parser.apply(event));

        assertEquals("order placed order_id=A-1001 amount=42.50", event.text("message"));
        assertEquals("INFO", event.text("level"));
        assertEquals("com.shop.checkout.Api", event.text("logger"));
        assertEquals("2026-11-24T10:00:00.000Z", event.text("@timestamp"));
        assertEquals("/var/log/containers/checkout.log", event.text("log.file.path"));
        assertFalse(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
    }

    @Test
    void joinedPartialChunksParseAsOneDocument() {
        LogEvent event = Samples.event(Samples.criTexts("checkout-").get(1));

        parser.apply(event);

        assertEquals("a very long line split by the runtime into three partial chunks, of which this is the last",
                event.text("message"));
    }

    @Test
    void brokenAndPlainLinesOfTheCriSampleAreKeptWithTheMarker() {
        List<String> texts = Samples.criTexts("checkout-");
        String broken = texts.get(texts.size() - 1);
        String plain = texts.get(texts.size() - 2);
        LogEvent brokenEvent = Samples.event(broken);
        LogEvent plainEvent = Samples.event(plain);

        assertTrue(parser.apply(brokenEvent));
        assertTrue(parser.apply(plainEvent));

        assertEquals(broken, brokenEvent.text("message"));
        assertTrue(EventMarkers.has(brokenEvent, EventMarkers.PARSE_FAILURE));
        assertTrue(brokenEvent.text("error.message").startsWith("invalid JSON"), brokenEvent.text("error.message"));
        assertEquals(plain, plainEvent.text("message"));
        assertEquals("not a JSON object", plainEvent.text("error.message"));
        assertEquals("parse_failure", plainEvent.text("error.type"));
        assertEquals(2, parser.getFailedCount());
        assertEquals(0, parser.getParsedCount());
    }

    @Test
    void msgIsPromotedToMessage() {
        LogEvent event = Samples.event("{\"level\":30,\"msg\":\"hello\",\"pid\":7}");

        parser.apply(event);

        assertEquals("hello", event.text("message"));
        assertNull(event.get("msg"));
        assertEquals(30, event.get("level").asInt());
    }

    @Test
    void withoutOwnMessageTheRawFieldIsRemovedOrKeptAsEventOriginal() {
        String raw = "{\"status\":200}";
        LogEvent removed = Samples.event(raw);
        LogEvent kept = Samples.event(raw);
        JsonParser keeping = new JsonParser();
        keeping.setKeepOriginal(true);

        parser.apply(removed);
        keeping.apply(kept);

        assertNull(removed.get("message"));
        assertEquals(200, removed.get("status").asInt());
        assertNull(kept.get("message"));
        assertEquals(raw, kept.text("event.original"));
    }

    @Test
    void dockerJsonFileLineWithJsonPayloadParsesInTwoSteps() {
        LogEvent event = Samples.event(
                "{\"log\":\"{\\\"log\\\":{\\\"level\\\":\\\"warn\\\"},\\\"msg\\\":\\\"slow\\\"}\\n\",\"stream\":\"stdout\","
                        + "\"time\":\"2026-11-24T10:00:00.000123456Z\"}");
        JsonParser payload = new JsonParser();
        payload.setField("log");

        parser.apply(event);
        assertEquals("stdout", event.text("stream"));
        payload.apply(event);

        assertEquals("slow", event.text("message"));
        assertEquals("warn", event.text("log.level"));
        assertEquals("2026-11-24T10:00:00.000123456Z", event.text("time"));
    }

    @Test
    void dockerLineIntoATargetKeepsTheSourcesLogFields() {
        LogEvent event = Samples.event(Samples.lines("nginx-").get(2));
        event.put("log.file.path", "/var/log/pods/web_nginx/0.log");
        parser.setTarget("docker");

        parser.apply(event);

        assertEquals("/var/log/pods/web_nginx/0.log", event.text("log.file.path"));
        assertTrue(event.text("docker.log").startsWith("2026/11/24 10:00:02 [error] 7#7: *1 upstream timed out"));
        assertEquals("stderr", event.text("docker.stream"));
        assertNull(event.get("message"));
    }

    @Test
    void dottedKeysNestAndObjectsMergeWithExistingFields() {
        LogEvent event = Samples.event("{\"log.level\":\"info\",\"log\":{\"logger\":\"a\"},\"message\":\"m\"}");
        event.put("log.file.path", "/x.log");

        parser.apply(event);

        assertEquals("info", event.text("log.level"));
        assertEquals("a", event.text("log.logger"));
        assertEquals("/x.log", event.text("log.file.path"));
    }

    @Test
    void namedTargetHoldsThePayloadButMessageStaysAtRoot() {
        parser.setTarget("app");
        LogEvent event = Samples.event("{\"user\":\"alice\",\"message\":\"login\"}");

        parser.apply(event);

        assertEquals("alice", event.text("app.user"));
        assertNull(event.get("user"));
        assertEquals("login", event.text("message"));
    }

    @Test
    void nonObjectsAndTrailingGarbageFail() {
        for (String raw : List.of("[1,2]", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "  ", "\"text\"")) {
            LogEvent event = Samples.event(raw);
            parser.apply(event);
            assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE), raw);
            assertEquals(raw, event.text("message"));
        }
    }

    @Test
    void deadLetterModeAlsoTagsTheEvent() {
        parser.setFailureMode("dead-letter");
        LogEvent event = Samples.event("not json");

        parser.apply(event);

        assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
        assertTrue(EventMarkers.has(event, FailureMode.DEAD_LETTER_TAG));
        assertEquals("dead-letter", parser.getFailureMode());
    }

    @Test
    void deepNestingFailsCleanlyWithoutStackOverflow() {
        String bomb = "{\"a\":" + "[".repeat(100_000);
        LogEvent event = Samples.event(bomb);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parser.apply(event));

        assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
        assertTrue(event.text("error.message").contains("nesting depth"), event.text("error.message"));
        assertEquals(bomb.length(), event.text("message").length());
    }

    @Test
    void hundredLevelsAreStillAccepted() {
        LogEvent event = Samples.event("{\"a\":" + "[".repeat(98) + "]".repeat(98) + "}");

        parser.apply(event);

        assertFalse(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
    }

    @Test
    void tenMegabyteStringIsRefusedButSmallerLimitsAreConfigurable() {
        String huge = "{\"message\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        LogEvent event = Samples.event(huge);

        parser.apply(event);

        assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
        assertTrue(event.text("error.message").contains("String value length"), event.text("error.message"));
        assertEquals(huge.length(), event.text("message").length());

        JsonParser generous = new JsonParser();
        generous.setMaxStringLength(11 * 1024 * 1024);
        LogEvent accepted = Samples.event(huge);
        generous.apply(accepted);
        assertEquals(10 * 1024 * 1024, accepted.text("message").length());
    }

    @Test
    void invalidUtf8AndLoneSurrogatesDoNotBreakParsingOrSerialisation() throws Exception {
        byte[] invalid = "{\"message\":\"caf\u00e9 \"}".getBytes(StandardCharsets.ISO_8859_1); // é as a lone 0xE9
        LogEvent decoded = Samples.event(new String(invalid, StandardCharsets.UTF_8));
        LogEvent surrogate = Samples.event("{\"message\":\"a\\ud800b\",\"raw\":\"x\uDC00y\"}");

        parser.apply(decoded);
        parser.apply(surrogate);

        assertEquals("caf\uFFFD ", decoded.text("message"));
        assertEquals("a\uD800b", surrogate.text("message"));
        byte[] written = new ObjectMapper().writeValueAsBytes(surrogate.fields());
        assertTrue(new String(written, StandardCharsets.UTF_8).contains("a\\uD800b"), "escaped, not a broken byte");
    }

    @Test
    void filebeatBulkDocumentsParseAndKeepNestedEcsFields() {
        List<String> lines = Samples.lines("filebeat-bulk");
        LogEvent doc = Samples.event(lines.get(3));

        parser.apply(doc);

        assertEquals("GET /api/v1/cart 500", doc.text("message"));
        assertEquals("/var/log/containers/web.log", doc.text("log.file.path"));
        assertEquals(1088, doc.get("log.offset").asInt());
        assertEquals("8.19.0", doc.text("agent.version"));
    }

    @Test
    void batchThroughProcessKeepsFailuresAndCounts() {
        LogEvent good = Samples.event("{\"message\":\"ok\"}");
        LogEvent bad = Samples.event("oops");
        LogEvent noMessage = new LogEvent("id", new ObjectMapper().createObjectNode().put("other", 1));

        EventBatch out = Samples.process(parser, good, bad, noMessage);

        assertEquals(3, out.size());
        assertEquals("ok", out.events().get(0).text("message"));
        assertEquals("oops", out.events().get(1).text("message"));
        assertEquals(1, parser.getParsedCount());
        assertEquals(1, parser.getFailedCount());
    }

    /** What log4j2's EcsLayout writes: dotted keys flat, and dotted keys inside objects too. */
    private static final String ECS_LINE = "{\"@timestamp\":\"2026-11-24T10:00:00.000Z\",\"log.level\":\"ERROR\","
            + "\"message\":\"payment failed\",\"ecs.version\":\"1.2.0\",\"service.name\":\"checkout\","
            + "\"process.thread.name\":\"main\",\"log.logger\":\"com.shop.Pay\","
            + "\"log.origin\":{\"file.name\":\"Pay.java\",\"file.line\":42},"
            + "\"error.type\":\"java.lang.IllegalStateException\"}";

    @Test
    void ecsDottedKeysAreExpandedIntoObjects() {
        LogEvent event = Samples.event(ECS_LINE);
        event.put("log.file.path", "/var/log/app.log");

        parser.apply(event);

        assertNull(event.fields().get("log.level"), "no flat key left: " + event);
        assertEquals("ERROR", event.fields().get("log").get("level").asText());
        assertEquals("com.shop.Pay", event.fields().get("log").get("logger").asText());
        assertEquals("Pay.java", event.fields().get("log").get("origin").get("file").get("name").asText());
        assertEquals(42, event.get("log.origin.file.line").asInt());
        assertEquals("/var/log/app.log", event.text("log.file.path"), "merged into the source's log object");
        assertEquals("checkout", event.fields().get("service").get("name").asText());
        assertEquals("main", event.text("process.thread.name"));
        assertFalse(EventMarkers.has(event, "dotted_key_conflict"));
    }

    @Test
    void dottedKeyConflictsLoseNothingAndAreTagged() {
        LogEvent scalarThenPath = Samples.event("{\"a\":1,\"a.b\":2}");
        LogEvent pathThenScalar = Samples.event("{\"a.b\":2,\"a\":1}");
        LogEvent bothSpellings = Samples.event("{\"a\":{\"b\":1},\"a.b\":2}");

        parser.apply(scalarThenPath);
        parser.apply(pathThenScalar);
        parser.apply(bothSpellings);

        for (LogEvent event : List.of(scalarThenPath, pathThenScalar)) {
            assertEquals(1, event.get("a._value").asInt(), event.toString());
            assertEquals(2, event.get("a.b").asInt(), event.toString());
            assertTrue(EventMarkers.has(event, "dotted_key_conflict"));
        }
        assertEquals("[1,2]", bothSpellings.get("a.b").toString());
        assertTrue(EventMarkers.has(bothSpellings, "dotted_key_conflict"));
    }

    @Test
    void expansionCanBeTurnedOffAndKeysThatAreNotPathsStay() {
        LogEvent odd = Samples.event("{\".a\":1,\"b.\":2,\"c..d\":3,\"e\":{\"f.g\":4}}");
        parser.apply(odd);
        assertEquals(1, odd.fields().get(".a").asInt());
        assertEquals(2, odd.fields().get("b.").asInt());
        assertEquals(3, odd.fields().get("c..d").asInt());
        assertEquals(4, odd.fields().get("e").get("f").get("g").asInt());

        parser.setExpandDottedKeys(false);
        LogEvent flat = Samples.event("{\"e\":{\"f.g\":4}}");
        parser.apply(flat);
        assertEquals(4, flat.fields().get("e").get("f.g").asInt());
    }
}
