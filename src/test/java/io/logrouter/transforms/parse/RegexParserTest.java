package io.logrouter.transforms.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import java.time.Duration;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class RegexParserTest {

    private final RegexParser parser = new RegexParser();

    @Test
    void namedGroupsWithEcsPathsAndTypes() {
        parser.setPattern("^(?<source.ip>\\S+) (?<http.response.status_code:int>\\d{3}) (?<event.duration:float>[\\d.]+)"
                + "(?<=\\d) (?<message>.*)");
        LogEvent event = Samples.event("10.0.0.1 503 0.25 upstream down");

        parser.apply(event);

        assertEquals("10.0.0.1", event.text("source.ip"));
        assertEquals(503, event.get("http.response.status_code").intValue());
        assertEquals(0.25, event.get("event.duration").doubleValue());
        assertEquals("upstream down", event.text("message"));
    }

    @Test
    void groupSyntaxInsideCharacterClassesAndEscapesIsLeftAlone() {
        parser.setPattern("[(?<x>]+ \\(?<y>(?<word>\\w+)");
        LogEvent event = Samples.event("(?< <y>abc");

        parser.apply(event);

        assertEquals("abc", event.text("word"));
    }

    @Test
    void invalidRegexFailsWhenTheRouteIsBuilt() {
        assertThrows(PatternSyntaxException.class, () -> parser.setPattern("(unclosed"));
    }

    @Test
    void regexBombOnHostileInputIsBoundedByTheTimeout() {
        parser.setPattern("(.*a){25}!");
        parser.setTimeoutMillis(30);
        LogEvent event = Samples.event("a".repeat(64));

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parser.apply(event));

        assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
        assertTrue(event.text("error.message").startsWith("pattern match exceeded its time budget (30 ms"));
    }

    @Test
    void tenMegabyteLineIsMatchedWithinItsBudget() {
        parser.setPattern("^(?<head>\\w{8})");
        parser.setTimeoutMillis(1000);
        LogEvent event = Samples.event("abcdefgh" + "x".repeat(10 * 1024 * 1024));

        parser.apply(event);

        assertEquals("abcdefgh", event.text("head"));
    }

    @Test
    void batchThroughProcess() {
        parser.setPattern("^id=(?<id:int>\\d+)$");

        EventBatch out = Samples.process(parser, Samples.event("id=7"), Samples.event("id=x"));

        assertEquals(2, out.size());
        assertEquals(7, out.events().get(0).get("id").intValue());
        assertEquals("no match for pattern", out.events().get(1).text("error.message"));
    }
}
