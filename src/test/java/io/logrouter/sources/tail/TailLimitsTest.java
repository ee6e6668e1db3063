package io.logrouter.sources.tail;

import static io.logrouter.sources.tail.TailHarness.append;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailLimitsTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private String uri(String extra) {
        return "tail:limits?include=" + dir + "/*.log&registry=" + dir + "/registry.json&" + TailHarness.FAST + "&" + extra;
    }

    @Test
    void aOneMebibyteLineIsCutToMaxEventBytesAndMarked() throws Exception {
        byte[] huge = new byte[MIB];
        Arrays.fill(huge, (byte) 'x');
        Path log = dir.resolve("app.log");
        append(log, huge);
        append(log, "\nafter\n");
        try (TailHarness tail = TailHarness.start(uri("format=plain"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.events().size() == 2);
            LogEvent cut = tail.sink.events().get(0);
            assertEquals(262144, cut.text("message").length());
            assertTrue(EventMarkers.has(cut, EventMarkers.TRUNCATED));
            assertEquals(EventMarkers.TRUNCATED, cut.text("error.type"));

            LogEvent next = tail.sink.events().get(1);
            assertEquals("after", next.text("message"));
            assertEquals(MIB + 1L, next.get("log.offset").asLong());
            assertFalse(EventMarkers.has(next, EventMarkers.TRUNCATED));
        }
    }

    @Test
    void partialChunksAreJoinedOnlyUpToMaxEventBytes() throws Exception {
        Path log = dir.resolve("app.log");
        String chunk = "y".repeat(600);
        append(log, "2026-11-24T10:00:00.1Z stdout P " + chunk + "\n"
                + "2026-11-24T10:00:00.2Z stdout P " + chunk + "\n"
                + "2026-11-24T10:00:00.3Z stdout F end\n");
        try (TailHarness tail = TailHarness.start(uri("format=cri&maxEventBytes=1000"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.events().size() == 1);
            LogEvent event = tail.sink.events().get(0);
            assertEquals("y".repeat(1000), event.text("message"));
            assertTrue(EventMarkers.has(event, EventMarkers.TRUNCATED));
        }
    }

    @Test
    void invalidUtf8IsReplacedAndTheNextLinesStillCome() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("bad ".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] { (byte) 0xff, (byte) 0xfe, (byte) 0xc3 });
        bytes.writeBytes(" end\n2026-11-24T10:00:00.1Z stdout F caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
        append(dir.resolve("app.log"), bytes.toByteArray());
        try (TailHarness tail = TailHarness.start(uri("format=auto"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.events().size() == 2);
            assertEquals(List.of("bad \uFFFD\uFFFD\uFFFD end", "caf\u00e9"), tail.sink.messages());
        }
    }

    @Test
    void aMalformedLineInAnExplicitFormatIsKeptAsPlainTextAndMarked() throws Exception {
        append(dir.resolve("app.log"), "not a CRI line at all\n");
        try (TailHarness tail = TailHarness.start(uri("format=cri"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.events().size() == 1);
            LogEvent event = tail.sink.events().get(0);
            assertEquals("not a CRI line at all", event.text("message"));
            assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
            assertEquals(null, event.text("stream"));
        }
    }

    @Test
    void aMalformedLineThatIsAlsoTooLongKeepsBothMarkers() throws Exception {
        append(dir.resolve("app.log"), "x".repeat(100) + "\n");
        try (TailHarness tail = TailHarness.start(uri("format=docker&maxEventBytes=10"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.events().size() == 1);
            LogEvent event = tail.sink.events().get(0);
            assertEquals("x".repeat(10), event.text("message"));
            assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
            assertTrue(EventMarkers.has(event, EventMarkers.TRUNCATED));
            assertEquals(EventMarkers.TRUNCATED, event.text("error.type"));
        }
    }
}
