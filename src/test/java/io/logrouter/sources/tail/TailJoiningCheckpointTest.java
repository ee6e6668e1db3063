package io.logrouter.sources.tail;

import static io.logrouter.sources.tail.TailHarness.append;
import static io.logrouter.sources.tail.TailHarness.committedOffsets;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An event still being joined is not checkpointed past its start, so a restart reads it again whole. */
class TailJoiningCheckpointTest {

    @TempDir
    Path dir;

    private String uri(String extra) {
        return "tail:joining?include=" + dir + "/*.log&registry=" + dir + "/registry.json&" + TailHarness.FAST + "&" + extra;
    }

    @Test
    void aPendingMultilineEventSurvivesARestartWhole() throws Exception {
        Path log = dir.resolve("app.log");
        Path registry = dir.resolve("registry.json");
        append(log, "first\nsecond\n\tcontinued\n");
        try (TailHarness tail = TailHarness.start(uri("format=plain&multilinePattern=RAW(^\\s)&multilineFlushMs=60000"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 6L).equals(committedOffsets(registry)));
            assertEquals(List.of("first"), tail.sink.messages());
        }
        append(log, "\tmore\n");
        try (TailHarness tail = TailHarness.start(uri("format=plain&multilinePattern=RAW(^\\s)&multilineFlushMs=100"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            assertEquals(List.of("second\n\tcontinued\n\tmore"), tail.sink.messages());
            assertEquals(6L, tail.sink.events().get(0).get("log.offset").asLong());
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 30L).equals(committedOffsets(registry)));
        }
    }

    @Test
    void aPartialCriChunkWaitsForItsFinalChunkAcrossARestart() throws Exception {
        Path log = dir.resolve("app.log");
        Path registry = dir.resolve("registry.json");
        String first = "2026-11-24T10:00:00.1Z stdout F done\n";
        append(log, first + "2026-11-24T10:00:00.2Z stdout P abc\n");
        try (TailHarness tail = TailHarness.start(uri("format=cri"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), (long) first.length()).equals(committedOffsets(registry)));
            assertEquals(List.of("done"), tail.sink.messages());
        }
        append(log, "2026-11-24T10:00:00.3Z stderr F interleaved\n2026-11-24T10:00:00.4Z stdout F def\n");
        try (TailHarness tail = TailHarness.start(uri("format=cri"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 2);
            assertEquals(List.of("interleaved", "abcdef"), tail.sink.messages());
            assertEquals((long) first.length(), tail.sink.events().get(1).get("log.offset").asLong());
            assertEquals("2026-11-24T10:00:00.2Z", tail.sink.events().get(1).text("@timestamp"));
        }
    }
}
