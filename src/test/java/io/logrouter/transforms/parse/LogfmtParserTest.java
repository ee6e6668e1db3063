package io.logrouter.transforms.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogfmtParserTest {

    private final LogfmtParser parser = new LogfmtParser();

    @Test
    void sampleLinesBecomeFields() {
        List<String> lines = Samples.lines("logfmt");
        LogEvent first = Samples.event(lines.get(0));
        LogEvent second = Samples.event(lines.get(1));

        parser.apply(first);
        parser.apply(second);

        assertEquals("2026-11-24T10:00:00.000Z", first.text("ts"));
        assertEquals("info", first.text("level"));
        assertEquals("auth", first.text("service"));
        assertEquals("token issued", first.text("message"));
        assertEquals("42", first.text("user_id"));
        assertEquals("3.2", first.text("duration_ms"));
        assertEquals("token rejected: signature mismatch", second.text("message"));
        assertEquals("jwt: bad signature", second.text("error"));
        assertFalse(EventMarkers.has(second, EventMarkers.PARSE_FAILURE));
    }

    @Test
    void escapesBareKeysEmptyValuesAndDottedKeys() {
        parser.setBareKeys("cached");
        LogEvent event = Samples.event("msg=\"say \\\"hi\\\"\\n\\\\done\" cached empty= http.status=200 path=C:\\x");

        parser.apply(event);

        assertEquals("say \"hi\"\n\\done", event.text("message"));
        assertTrue(event.get("cached").booleanValue());
        assertEquals("", event.text("empty"));
        assertEquals("200", event.text("http.status"));
        assertEquals("C:\\x", event.text("path"));
    }

    @Test
    void plainTextAndBrokenQuotesAreKeptWithTheMarker() {
        for (String raw : List.of("just some words", "a=\"unterminated", "=value",
                // one key=value among plain words is plain text: this is what lost 3,833 of 32,000 lines' text
                "Connection reset by peer retries=3", "user=bob logged in", "GET /index.html?id=3 HTTP/1.1",
                "a=\"quoted\"tail", "a=b\"c", "{\"level\":\"info\"}", "key: value", "ünïcode=ok but words")) {
            LogEvent event = Samples.event(raw);
            parser.apply(event);
            assertEquals(raw, event.text("message"));
            assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE), raw);
        }
        assertEquals(11, parser.getFailedCount());
    }

    @Test
    void bareKeysAreRefusedUnlessConfigured() {
        LogEvent strict = Samples.event("level=info cached");
        parser.apply(strict);
        assertTrue(EventMarkers.has(strict, EventMarkers.PARSE_FAILURE));
        assertEquals("level=info cached", strict.text("message"));

        parser.setBareKeys("*");
        LogEvent any = Samples.event("level=info cached");
        parser.apply(any);
        assertTrue(any.get("cached").booleanValue());
    }

    @Test
    void theOriginalLineIsKeptByDefault() {
        LogEvent event = Samples.event("level=info msg=hi");

        parser.apply(event);

        assertEquals("level=info msg=hi", event.text("event.original"));
        assertEquals("hi", event.text("message"));
    }

    @Test
    void hostileInputStaysLinearAndKeepsOddCharacters() {
        String big = "x".repeat(10 * 1024 * 1024);
        LogEvent huge = Samples.event("level=info blob=\"" + big + "\"");
        LogEvent surrogates = Samples.event("k=a\uD800b j=\uDC00");

        parser.apply(huge);
        parser.apply(surrogates);

        assertEquals(big.length(), huge.text("blob").length());
        assertEquals("a\uD800b", surrogates.text("k"));
        assertEquals("\uDC00", surrogates.text("j"));
    }

    @Test
    void batchThroughProcess() {
        EventBatch out = Samples.process(parser, Samples.event("a=1"), Samples.event("nope"));

        assertEquals(2, out.size());
        assertEquals("1", out.events().get(0).text("a"));
        assertEquals(1, parser.getParsedCount());
    }
}
