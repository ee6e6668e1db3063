package io.logrouter.transforms.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import io.logrouter.transforms.parse.GrokParser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionFilterTest {

    private static LogEvent with(String field, Object value) {
        LogEvent event = Samples.event("x");
        event.put(field, value instanceof Number n
                ? JsonNodeFactory.instance.numberNode(n.longValue())
                : JsonNodeFactory.instance.textNode(String.valueOf(value)));
        return event;
    }

    private static boolean test(String operator, String value, LogEvent event) {
        return FieldCondition.of("f", operator, value).test(event);
    }

    @Test
    void operators() {
        assertTrue(test("equals", "200", with("f", 200)));
        assertTrue(test("equals", "200", with("f", "200")));
        assertFalse(test("equals", "200", with("f", "201")));
        assertTrue(test("in", "debug, trace", with("f", "trace")));
        assertFalse(test("in", "debug,trace", with("f", "info")));
        assertTrue(test("regex", "^/health", with("f", "/healthz")));
        assertFalse(test("regex", "^/health", with("f", "/api/health")));
        assertTrue(test("exists", null, with("f", "")));
        assertFalse(test("exists", null, Samples.event("x")));
        assertTrue(test("gt", "499", with("f", 500)));
        assertTrue(test("gte", "500", with("f", "500")));
        assertFalse(test("lt", "1.5", with("f", "1.5")));
        assertTrue(test("lte", "1.5", with("f", "1.5")));
        assertFalse(test("gt", "1", with("f", "n/a")), "non-numbers never compare");
        assertFalse(test("equals", "x", Samples.event("x")), "missing field");
    }

    @Test
    void badConditionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FieldCondition.of("f", "like", "x"));
        assertThrows(IllegalArgumentException.class, () -> FieldCondition.of("f", "equals", null));
        assertThrows(NumberFormatException.class, () -> FieldCondition.of("f", "gt", "many"));
        assertThrows(IllegalArgumentException.class, () -> FieldCondition.of(null, "exists", null));
    }

    @Test
    void dropFilterRemovesHealthChecksFromTheNginxSampleThroughProcess() {
        GrokParser grok = new GrokParser();
        grok.setPattern("%{COMBINEDAPACHELOG}");
        List<LogEvent> events = List.of(
                Samples.event("10.0.0.9 - - [24/Nov/2026:10:00:00 +0000] \"GET /healthz HTTP/1.1\" 200 2 \"-\" \"kube-probe/1.31\""),
                Samples.event("10.1.2.3 - - [24/Nov/2026:10:00:00 +0000] \"GET /api/v1/items/42 HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\""));
        events.forEach(grok::apply);
        DropFilter drop = new DropFilter();
        drop.setValue("^/health");
        drop.setField("url.original");
        drop.setOperator("regex");

        EventBatch out = Samples.process(drop, events.toArray(LogEvent[]::new));

        assertEquals(1, out.size());
        assertEquals("/api/v1/items/42", out.events().get(0).text("url.original"));
        assertEquals(1, drop.getDroppedCount());
    }

    @Test
    void keepFilterKeepsOnlyMatchingEvents() {
        KeepFilter keep = new KeepFilter();
        keep.setField("http.response.status_code");
        keep.setOperator("gte");
        keep.setValue("500");

        assertTrue(keep.apply(with("http.response.status_code", 503)));
        assertFalse(keep.apply(with("http.response.status_code", 200)));
        assertFalse(keep.apply(Samples.event("no status")));
        assertEquals(2, keep.getDroppedCount());
    }

    @Test
    void changingAnOptionRebuildsTheCondition() {
        KeepFilter keep = new KeepFilter();
        keep.setField("level");
        keep.setValue("info");
        assertTrue(keep.apply(with("level", "info")));

        keep.setValue("error");

        assertFalse(keep.apply(with("level", "info")));
    }

    @Test
    void undecidableRegexKeepsTheEvent() {
        DropFilter drop = new DropFilter();
        drop.setField("message");
        drop.setOperator("regex");
        drop.setValue("(.*?,){20}z");
        LogEvent hostile = Samples.event(",".repeat(40));

        boolean kept = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> drop.apply(hostile));

        assertTrue(kept);
        assertEquals(1, drop.getUndecidedCount());
        assertEquals(0, drop.getDroppedCount());
    }
}
