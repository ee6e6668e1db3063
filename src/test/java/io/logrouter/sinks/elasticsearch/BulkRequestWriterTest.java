package io.logrouter.sinks.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.LogEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkRequestWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Small events first, where the event bound cuts, then big ones, where the byte bound does. */
    private static List<LogEvent> events(int count) {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LogEvent event = LogEvent.ofMessage("e-" + i, "m".repeat(i < count / 2 ? 0 : 200));
            event.put("service.name", i % 2 == 0 ? "Even" : "odd");
            events.add(event);
        }
        return events;
    }

    private static List<BulkRequest> split(List<LogEvent> events, int maxEvents, long maxBytes) {
        List<BulkRequest> requests = new ArrayList<>();
        Iterator<BulkRequest> it = new BulkRequestWriter(new IndexNameTemplate("logs-{service.name}"), "create",
                maxEvents, maxBytes).split(events);
        it.forEachRemaining(requests::add);
        return requests;
    }

    @Test
    void everyEventOnceInOrderWithinBothBounds() throws IOException {
        List<LogEvent> events = events(500);
        List<BulkRequest> requests = split(events, 40, 4_000);
        List<String> ids = new ArrayList<>();
        boolean bytesBound = false;
        boolean eventsBound = false;
        for (BulkRequest request : requests) {
            assertTrue(request.events().size() <= 40);
            assertTrue(request.body().length <= 4_000, "body of " + request.body().length + " bytes");
            bytesBound |= request.events().size() < 40 && request != requests.get(requests.size() - 1);
            eventsBound |= request.events().size() == 40;
            String[] lines = new String(request.body(), StandardCharsets.UTF_8).split("\n");
            assertEquals(request.events().size() * 2, lines.length);
            for (int i = 0; i < lines.length; i += 2) {
                JsonNode action = JSON.readTree(lines[i]).path("create");
                LogEvent event = request.events().get(i / 2);
                assertEquals(event.id(), action.path("_id").asText(), "action line and item order agree");
                assertEquals("logs-" + event.text("service.name").toLowerCase(), action.path("_index").asText());
                assertEquals(event.fields(), JSON.readTree(lines[i + 1]));
                ids.add(event.id());
            }
        }
        assertTrue(bytesBound && eventsBound, "both bounds cut some request in this test");
        assertEquals(events.stream().map(LogEvent::id).toList(), ids);
    }

    @Test
    void anEventBiggerThanTheByteBoundGoesAlone() {
        List<LogEvent> events = List.of(LogEvent.ofMessage("a", "x"), LogEvent.ofMessage("big", "y".repeat(5_000)),
                LogEvent.ofMessage("b", "z"));
        List<BulkRequest> requests = split(events, 100, 1_000);
        assertEquals(List.of(List.of("a"), List.of("big"), List.of("b")),
                requests.stream().map(r -> r.events().stream().map(LogEvent::id).toList()).toList());
    }
}
