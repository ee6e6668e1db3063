package io.logrouter.transforms.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import io.logrouter.transforms.parse.JsonParser;
import io.logrouter.transforms.parse.SyslogParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelNormalizerTest {

    private final LevelNormalizer normalizer = new LevelNormalizer();

    @ParameterizedTest
    @CsvSource({
        "TRACE, trace", "verbose, trace", "DEBUG, debug", "dbg, debug", "FINE, debug", "INFO, info",
        "Information, info", "notice, info", "WARNING, warn", "warn, warn", "W, warn", "ERR, error", "Error, error",
        "SEVERE, error", "CRITICAL, fatal", "FATAL, fatal", "PANIC, fatal", "emerg, fatal", "' info ', info",
        "0, fatal", "2, fatal", "3, error", "4, warn", "5, info", "6, info", "7, debug",
        "10, trace", "20, debug", "30, info", "40, warn", "50, error", "60, fatal",
    })
    void textLevelsAndNumericStrings(String level, String expected) {
        LogEvent event = Samples.event("x");
        event.put("level", level);

        normalizer.apply(event);

        assertEquals(expected, event.text("log.level"));
        assertEquals(level, event.text("level"), "the source field stays");
    }

    @Test
    void pinoNumericLevelFromAParsedJsonLine() {
        LogEvent event = Samples.event("{\"level\":50,\"msg\":\"db down\"}");
        new JsonParser().apply(event);

        normalizer.apply(event);

        assertEquals("error", event.text("log.level"));
    }

    @Test
    void syslogSeverityCodeFromTheSyslogSample() {
        LogEvent event = Samples.event(Samples.lines("syslog-rfc3164").get(0));
        new SyslogParser().apply(event);

        normalizer.apply(event);

        assertEquals("fatal", event.text("log.level"), "severity 2 (critical)");
    }

    @Test
    void firstPresentCandidateDecides() {
        normalizer.setFields("severity, level");
        LogEvent event = Samples.event("x");
        event.put("level", "debug");
        event.put("severity", "ERROR");

        normalizer.apply(event);

        assertEquals("error", event.text("log.level"));
    }

    @Test
    void unknownValuesAreLeftAloneAndCounted() {
        LogEvent words = Samples.event("x");
        words.put("level", "chatty");
        LogEvent number = Samples.event("x");
        number.put("level", JsonNodeFactory.instance.numberNode(35));
        LogEvent huge = Samples.event("x");
        huge.put("level", JsonNodeFactory.instance.numberNode(10_000_000_000L));

        normalizer.apply(words);
        normalizer.apply(number);
        normalizer.apply(huge);

        assertNull(words.get("log.level"));
        assertNull(number.get("log.level"));
        assertNull(huge.get("log.level"));
        assertEquals(3, normalizer.getUnrecognisedCount());
    }

    @Test
    void batchThroughProcess() {
        LogEvent event = Samples.event("x");
        event.put("lvl", "WRN");

        EventBatch out = Samples.process(normalizer, event, Samples.event("no level"));

        assertEquals(2, out.size());
        assertEquals("warn", out.events().get(0).text("log.level"));
    }

    @Test
    void flatEcsLevelFromASourceEndsInOnePlace() throws Exception {
        // what /ingest/json builds from a log4j2 EcsLayout document: the dotted key as it came
        LogEvent event = new LogEvent("id", (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson
                .databind.ObjectMapper().readTree("{\"log.level\":\"ERROR\",\"message\":\"boom\"}"));

        normalizer.apply(event);

        assertNull(event.fields().get("log.level"), event.toString());
        assertEquals("error", event.fields().get("log").get("level").asText());
        assertEquals("error", event.text("log.level"));
    }

    @Test
    void expanderThenNormalizerGiveOneLevel() throws Exception {
        LogEvent event = new LogEvent("id", (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson
                .databind.ObjectMapper().readTree("{\"log.level\":\"WARN\",\"log.logger\":\"a.B\"}"));

        new DottedKeyExpander().apply(event);
        normalizer.apply(event);

        assertEquals("{\"log\":{\"level\":\"warn\",\"logger\":\"a.B\"}}", event.fields().toString());
    }
}
