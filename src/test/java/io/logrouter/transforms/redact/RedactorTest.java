package io.logrouter.transforms.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import io.logrouter.transforms.parse.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    private String redacted(String message) {
        LogEvent event = Samples.event(message);
        redactor.apply(event);
        return event.text("message");
    }

    @Test
    void criSamplePlainLineLosesEmailAndCardNumber() {
        List<String> texts = Samples.criTexts("checkout-");

        assertEquals("plain text line that is not JSON user=[REDACTED:email] card=[REDACTED:card]",
                redacted(texts.get(texts.size() - 2)));
        assertEquals(1, redactor.getCounts().get("email"));
        assertEquals(1, redactor.getCounts().get("card"));
    }

    @Test
    void onlyLuhnValidNumbersWithACardPrefixAreCards() {
        assertEquals("paid with [REDACTED:card].", redacted("paid with 5500-0000-0000-0004."));
        assertEquals("amex [REDACTED:card]", redacted("amex 378282246310005"));
        assertEquals("order 4111111111111112 shipped", redacted("order 4111111111111112 shipped"));
        assertEquals("ts=1795514400123456789", redacted("ts=1795514400123456789"));
        assertEquals("trace 41111111111111110000000", redacted("trace 41111111111111110000000"));
        assertEquals("2026-11-24T10:00:00.000123456Z", redacted("2026-11-24T10:00:00.000123456Z"));
    }

    @Test
    void credentialsKeepTheirLabels() {
        assertEquals("Authorization: Bearer [REDACTED:bearer]",
                redacted("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"));
        assertEquals("authorization=Basic [REDACTED:authorization] next",
                redacted("authorization=Basic dXNlcjpwYXNz next"));
        assertEquals("\"Authorization\": \"[REDACTED:authorization]\"",
                redacted("\"Authorization\": \"tok_live_abc123\""));
        assertEquals("key [REDACTED:aws_access_key_id] used", redacted("key AKIAIOSFODNN7EXAMPLE used"));
        assertEquals("aws_secret_access_key = [REDACTED:aws_secret_access_key]",
                redacted("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        assertEquals("not a key: AKIAIOSFODNN7EXAMPLEXX", redacted("not a key: AKIAIOSFODNN7EXAMPLEXX"));
    }

    @Test
    void everyStringAtAnyDepthByDefault() {
        LogEvent event = Samples.event("{\"message\":\"login\",\"user\":{\"email\":\"bob@shop.example\"},"
                + "\"http\":{\"headers\":[\"x: 1\",\"Authorization: Bearer abcdefgh12345678\"]},\"n\":4111111111111111}");
        new JsonParser().apply(event);

        redactor.apply(event);

        assertEquals("login", event.text("message"));
        assertEquals("[REDACTED:email]", event.text("user.email"));
        assertEquals("Authorization: Bearer [REDACTED:bearer]", event.get("http.headers").get(1).asText());
        assertEquals("x: 1", event.get("http.headers").get(0).asText());
        assertEquals(4111111111111111L, event.get("n").longValue(), "numbers are not text: left alone");
    }

    @Test
    void fieldsOptionNarrowsTheScan() {
        redactor.setFields("message, user");
        LogEvent event = Samples.event("mail a@b.example");
        event.put("user.email", "c@d.example");
        event.put("other", "e@f.example");

        redactor.apply(event);

        assertEquals("mail [REDACTED:email]", event.text("message"));
        assertEquals("[REDACTED:email]", event.text("user.email"));
        assertEquals("e@f.example", event.text("other"));
    }

    @Test
    void hashModeIsStableForEqualValuesAndKeyed() {
        redactor.setMode("hash");
        redactor.setHashKey("k1");
        Redactor otherKey = new Redactor();
        otherKey.setMode("hash");
        otherKey.setHashKey("k2");

        String first = redacted("from alice@example.com");
        String again = redacted("to alice@example.com");
        String other = redacted("from carol@example.com");
        LogEvent keyed = Samples.event("from alice@example.com");
        otherKey.apply(keyed);

        assertTrue(first.matches("from \\[REDACTED:email:[0-9a-f]{12}]"), first);
        assertEquals(first.substring(5), again.substring(3));
        assertNotEquals(first, other);
        assertNotEquals(first, keyed.text("message"));
    }

    @Test
    void hashModeWithoutAKeyRefusesToRun() {
        redactor.setMode("hash");

        assertThrows(IllegalStateException.class, () -> redactor.apply(Samples.event("x")));
    }

    @Test
    void routeDefinedPatternsAndDetectorChoice() {
        redactor.setDetectors("email");
        redactor.setPatterns(Map.of("employee", "EMP-\\d{6}", "session", "session=(?<secret>\\w+)"));

        assertEquals("[REDACTED:employee] session=[REDACTED:session] [REDACTED:email] 4111111111111111",
                redacted("EMP-123456 session=abc123 x@y.example 4111111111111111"));
        assertEquals(Map.of("email", 1L, "employee", 1L, "session", 1L), redactor.getCounts());
        assertThrows(IllegalArgumentException.class, () -> redactor.setDetectors("ssn"));
    }

    @Test
    void catastrophicRoutePatternFailsClosed() {
        redactor.setPatterns(Map.of("bomb", "(.*?,){20}z"));
        redactor.setTimeoutMillis(30);
        LogEvent event = Samples.event(",".repeat(40) + " alice@example.com");

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> redactor.apply(event));

        assertEquals("[REDACTED:bomb]", event.text("message"));
    }

    @Test
    void tenMegabyteValueIsScannedWholeWithinItsBudget() {
        String huge = "x".repeat(5 * 1024 * 1024) + " bob@example.com " + "7".repeat(5 * 1024 * 1024);
        LogEvent event = Samples.event(huge);

        // a guard against a hang only, not a speed target (that is bench/'s): the redactor's own budget is what the
        // assertions below prove was not exhausted, since an exhausted budget fails closed and masks the whole value
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> redactor.apply(event));

        String message = event.text("message");
        assertTrue(message.contains(" [REDACTED:email] "));
        assertEquals(huge.length() - "bob@example.com".length() + "[REDACTED:email]".length(), message.length());
    }

    @Test
    void batchThroughProcessRedactsEveryEvent() {
        EventBatch out = Samples.process(redactor, Samples.event("a@b.example"), Samples.event("clean"));

        assertEquals(2, out.size());
        assertEquals("[REDACTED:email]", out.events().get(0).text("message"));
        assertEquals("clean", out.events().get(1).text("message"));
    }
}
