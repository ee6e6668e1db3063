package io.logrouter.sinks.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.EventId;
import io.logrouter.event.LogEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class NdjsonGzipWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> gunzipLines(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n"), "every line, the last one too, ends with a newline");
            return List.of(text.split("\n"));
        }
    }

    private static List<LogEvent> events(int count, String salt) {
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LogEvent event = LogEvent.ofMessage(EventId.ofPosition(salt, i), "line " + i + " " + UUID.randomUUID());
            event.put("log.level", "info");
            events.add(event);
        }
        return events;
    }

    @Test
    void eachEventIsOneJsonLineWithItsId() throws IOException {
        LogEvent multiline = LogEvent.ofMessage("id-1", "first\nsecond \"quoted\"");
        multiline.put("service.name", "api");
        multiline.put("_id", "the event's own _id loses to the event id");
        List<ArchiveObject> objects = new NdjsonGzipWriter("_id", 1 << 20).write(List.of(multiline));

        assertEquals(1, objects.size());
        assertEquals(1, objects.get(0).eventCount());
        List<String> lines = gunzipLines(objects.get(0).content());
        assertEquals(1, lines.size());
        JsonNode line = JSON.readTree(lines.get(0));
        assertEquals("id-1", line.get("_id").asText());
        assertEquals("first\nsecond \"quoted\"", line.get("message").asText());
        assertEquals("api", line.get("service").get("name").asText());
        assertEquals(3, line.size());
    }

    @Test
    void anEmptyIdFieldLeavesTheEventAsItIs() throws IOException {
        LogEvent event = LogEvent.ofMessage("id-1", "hello");
        List<String> lines = gunzipLines(new NdjsonGzipWriter("", 1 << 20).write(List.of(event)).get(0).content());
        assertEquals("{\"message\":\"hello\"}", lines.get(0));
    }

    @Test
    void theSameEventsGiveTheSameObjectByteForByte() {
        List<LogEvent> events = events(500, "same");
        NdjsonGzipWriter writer = new NdjsonGzipWriter("_id", 1 << 20);
        ArchiveObject first = writer.write(events).get(0);
        ArchiveObject again = writer.write(events).get(0);
        assertTrue(first.name().matches("[0-9a-f]{32}"), "hex, never starting with _ or . that Athena skips");
        assertEquals(first.name(), again.name());
        assertArrayEquals(first.content(), again.content());
        assertNotEquals(first.name(), writer.write(events.subList(0, 499)).get(0).name(),
                "other events, other name: nothing is overwritten that was not re-sent");
    }

    @Test
    void pastTheSizeLimitTheEventsContinueInAnotherObjectInOrder() throws IOException {
        List<LogEvent> events = events(5_000, "big");
        int limit = 32 * 1024;
        List<ArchiveObject> objects = new NdjsonGzipWriter("_id", limit).write(events);

        assertTrue(objects.size() >= 3, objects.size() + " objects");
        List<String> ids = new ArrayList<>();
        for (ArchiveObject object : objects) {
            // the deflater holds back up to about one block, so the limit is approximate
            assertTrue(object.content().length < limit + 128 * 1024, object.content().length + " bytes");
            List<String> lines = gunzipLines(object.content());
            assertEquals(object.eventCount(), lines.size());
            for (String line : lines) {
                ids.add(JSON.readTree(line).get("_id").asText());
            }
        }
        assertEquals(events.stream().map(LogEvent::id).toList(), ids);
        assertEquals(objects.size(), objects.stream().map(ArchiveObject::name).distinct().count());
    }

    @Test
    void eventsWithoutIdsAreNamedByTheirContent() {
        NdjsonGzipWriter writer = new NdjsonGzipWriter("", 1 << 20);
        String one = writer.write(List.of(LogEvent.ofMessage(null, "one"))).get(0).name();
        assertEquals(one, writer.write(List.of(LogEvent.ofMessage(null, "one"))).get(0).name());
        assertNotEquals(one, writer.write(List.of(LogEvent.ofMessage(null, "two"))).get(0).name());
    }

    @Test
    void noEventsNoObject() {
        assertFalse(new NdjsonGzipWriter("_id", 1).write(List.of()).iterator().hasNext());
    }
}
