package io.logrouter.transforms.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventId;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static List<LogEvent> events(int count, String level) {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LogEvent event = LogEvent.ofMessage(EventId.ofPosition("/var/log/app.log", i * 100L), "line " + i);
            event.put("log.level", level);
            event.put("service.name", "checkout");
            events.add(event);
        }
        return events;
    }

    private static int keptOf(Sampler sampler, List<LogEvent> events) {
        int kept = 0;
        for (LogEvent event : events) {
            kept += sampler.apply(event) ? 1 : 0;
        }
        return kept;
    }

    @Test
    void rateKeepsAboutThatShare() {
        Sampler sampler = new Sampler();
        sampler.setRate(0.1);

        int kept = keptOf(sampler, events(10_000, "info"));

        assertTrue(kept > 900 && kept < 1100, "kept " + kept);
        assertEquals(10_000 - kept, sampler.getDroppedCount());
        assertEquals(kept, sampler.getKeptCount());
    }

    @Test
    void oneInNIsARate() {
        Sampler sampler = new Sampler();
        sampler.setOneIn(4);

        int kept = keptOf(sampler, events(8_000, "info"));

        assertTrue(kept > 1800 && kept < 2200, "kept " + kept);
    }

    @Test
    void redeliveryMakesTheSameDecisions() {
        Sampler first = new Sampler();
        first.setRate(0.3);
        Sampler second = new Sampler();
        second.setRate(0.3);
        List<LogEvent> events = events(500, "info");

        List<Boolean> once = events.stream().map(first::apply).toList();
        List<Boolean> again = events(500, "info").stream().map(second::apply).toList();

        assertEquals(once, again);
    }

    @Test
    void perKeyRatesSampleDebugAndKeepTheRest() {
        Sampler sampler = new Sampler();
        sampler.setKey("service.name, log.level");
        sampler.setRates("checkout/debug=0.1");
        List<LogEvent> batch = new ArrayList<>(events(1_000, "debug"));
        batch.addAll(events(1_000, "error"));

        int kept = keptOf(sampler, batch);

        int keptDebug = kept - 1_000;
        assertTrue(keptDebug > 60 && keptDebug < 140, "kept debug " + keptDebug);
        assertEquals(Map.of("checkout/debug", (long) (1_000 - keptDebug)), sampler.getDroppedByKey());
        assertEquals("checkout/debug=0.1", sampler.getRates());
    }

    @Test
    void eventsWithoutIdFallBackToTheirMessage() {
        Sampler sampler = new Sampler();
        sampler.setRate(0.5);
        LogEvent a = LogEvent.ofMessage(null, "same text");
        LogEvent b = LogEvent.ofMessage(null, "same text");

        assertEquals(sampler.apply(a), sampler.apply(b));
        assertEquals(Sampler.position(a), Sampler.position(b));
    }

    @Test
    void invalidRatesAreRejected() {
        Sampler sampler = new Sampler();
        assertThrows(IllegalArgumentException.class, () -> sampler.setRate(1.5));
        assertThrows(IllegalArgumentException.class, () -> sampler.setOneIn(0));
        assertThrows(IllegalArgumentException.class, () -> sampler.setRates("debug=2"));
    }

    @Test
    void batchThroughProcessDropsTheUnsampled() {
        Sampler sampler = new Sampler();
        sampler.setRate(0.0);

        EventBatch out = Samples.process(sampler, events(3, "info").toArray(LogEvent[]::new));

        assertEquals(0, out.size());
        assertEquals(3, sampler.getDroppedCount());
    }
}
