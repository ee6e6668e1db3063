package io.logrouter.sources.tail;

import static io.logrouter.sources.tail.TailHarness.append;
import static io.logrouter.sources.tail.TailHarness.committedOffsets;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailConsumerTest {

    @TempDir
    Path dir;

    private String uri(String extra) {
        return "tail:test?include=" + dir + "/*.log&registry=" + dir + "/registry.json&" + TailHarness.FAST
                + (extra.isEmpty() ? "" : "&" + extra);
    }

    @Test
    void deliversAppendedLinesWithTheirFileAndOffset() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "first\nsecond\n");
        try (TailHarness tail = TailHarness.start(uri("format=plain"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 2);
            append(log, "third\n");
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 3);

            assertEquals(List.of("first", "second", "third"), tail.sink.messages());
            List<LogEvent> events = tail.sink.events();
            assertEquals(List.of(0L, 6L, 13L), events.stream().map(e -> e.get("log.offset").asLong()).toList());
            assertEquals(log.toString(), events.get(0).text("log.file.path"));
            assertEquals(3, events.stream().map(LogEvent::id).distinct().count());
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 19L).equals(committedOffsets(dir.resolve("registry.json"))));
            assertEquals(3, tail.consumer().getEventsDelivered());
            assertEquals(1, tail.consumer().getOpenFiles());
        }
    }

    @Test
    void holdsBackALineUntilItsNewlineIsWritten() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "complete\nhalf of a li");
        try (TailHarness tail = TailHarness.start(uri(""))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> tail.sink.messages().size() == 1);
            assertEquals(Map.of(log.toString(), 9L), committedOffsets(dir.resolve("registry.json")));

            append(log, "ne\n");
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 2);
            assertEquals(List.of("complete", "half of a line"), tail.sink.messages());
        }
    }

    @Test
    void neverPutsMoreThanBatchSizeEventsInOneExchange() throws Exception {
        Path log = dir.resolve("app.log");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            lines.append("line ").append(i).append('\n');
        }
        append(log, lines.toString());
        try (TailHarness tail = TailHarness.start(uri("batchSize=10&batchLinger=500"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 25);
            assertEquals(List.of(10, 10, 5), tail.sink.delivered.stream().map(EventBatch::size).toList());
            assertEquals("line 24", tail.sink.messages().get(24));
        }
    }

    @Test
    void stopsFillingABatchOnceBatchMaxBytesWereRead() throws Exception {
        String line = "z".repeat(100) + "\n";
        append(dir.resolve("app.log"), line.repeat(10));
        try (TailHarness tail = TailHarness.start(uri("batchMaxBytes=250"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 10);
            // the line that crosses the limit still goes in: 3 lines of 101 bytes make a batch
            assertEquals(List.of(3, 3, 3, 1), tail.sink.delivered.stream().map(EventBatch::size).toList());
        }
    }

    @Test
    void aFailingDownstreamKeepsTheCheckpointAndGetsTheSameEventsAgain() throws Exception {
        Path log = dir.resolve("app.log");
        Path registry = dir.resolve("registry.json");
        append(log, "a\n");
        try (TailHarness tail = TailHarness.start(uri(""))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 2L).equals(committedOffsets(registry)));

            tail.sink.failing = true;
            append(log, "b\nc\n");
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.refused.size() >= 2);
            assertEquals(Map.of(log.toString(), 2L), committedOffsets(registry));
            List<String> refusedIds = tail.sink.refused.get(0).events().stream().map(LogEvent::id).toList();
            assertEquals(refusedIds, tail.sink.refused.get(1).events().stream().map(LogEvent::id).toList());

            tail.sink.failing = false;
            await().atMost(Duration.ofSeconds(10)).until(() -> tail.sink.messages().size() == 3);
            assertEquals(List.of("a", "b", "c"), tail.sink.messages());
            assertEquals(refusedIds, tail.sink.events().subList(1, 3).stream().map(LogEvent::id).toList());
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 6L).equals(committedOffsets(registry)));
        }
    }

    @Test
    void readsOnWhileABatchIsDeliveredButCheckpointsOnlyBehindIt() throws Exception {
        Path log = dir.resolve("app.log");
        Path registry = dir.resolve("registry.json");
        RecordingSink sink = new RecordingSink();
        try (TailHarness tail = startWithTheFirstOfThreeBatchesHeld(sink)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> sink.messages().containsAll(List.of("b", "c")));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> Map.of(log.toString(), 0L).equals(committedOffsets(registry)));

            sink.release.countDown();
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 6L).equals(committedOffsets(registry)));
            assertEquals("a", sink.messages().get(2), "b and c were delivered while a was held");
        }
    }

    @Test
    void aBatchThatFailsBehindASlowOneIsReadAgainFromTheCheckpointAfterIt() throws Exception {
        Path log = dir.resolve("app.log");
        Path registry = dir.resolve("registry.json");
        RecordingSink sink = new RecordingSink();
        sink.refuseOnce = "b";
        try (TailHarness tail = startWithTheFirstOfThreeBatchesHeld(sink)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> sink.refused.size() == 1);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> Map.of(log.toString(), 0L).equals(committedOffsets(registry)) && !sink.messages().contains("b"));

            sink.release.countDown();
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 6L).equals(committedOffsets(registry)));
            List<String> messages = sink.messages();
            assertEquals(List.of("a", "b", "c"), messages.stream().distinct().sorted().toList());
            assertEquals(1, messages.stream().filter("a"::equals).count(), "the batch before the failed one is not read again");
        }
    }

    /** Lines a, b and c in batches of one, all three in flight at once; the batch of a waits for sink.release. */
    private TailHarness startWithTheFirstOfThreeBatchesHeld(RecordingSink sink) throws Exception {
        append(dir.resolve("app.log"), "a\nb\nc\n");
        sink.hold = "a";
        return TailHarness.start(uri("format=plain&batchSize=1&maxInFlightBatches=3"), sink);
    }

    @Test
    void aRestartResumesAtTheCheckpointWithoutLossOrRepeats() throws Exception {
        Path log = dir.resolve("app.log");
        Path registry = dir.resolve("registry.json");
        append(log, "one\ntwo\n");
        List<String> firstIds;
        try (TailHarness tail = TailHarness.start(uri(""))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 8L).equals(committedOffsets(registry)));
            firstIds = tail.sink.events().stream().map(LogEvent::id).toList();
        }
        append(log, "three\n");
        try (TailHarness tail = TailHarness.start(uri(""))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> tail.sink.messages().size() == 1);
            assertEquals(List.of("three"), tail.sink.messages());
            assertTrue(!firstIds.contains(tail.sink.events().get(0).id()));
        }
    }

    @Test
    void linesUndeliveredAtAStopAreDeliveredAfterTheRestartWithTheSameIds() throws Exception {
        Path log = dir.resolve("app.log");
        RecordingSink down = new RecordingSink();
        down.failing = true;
        append(log, "x\ny\n");
        try (TailHarness tail = TailHarness.start(uri(""), down)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !down.refused.isEmpty());
        }
        List<String> refusedIds = down.refused.get(0).events().stream().map(LogEvent::id).toList();
        try (TailHarness tail = TailHarness.start(uri(""))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 2);
            assertEquals(List.of("x", "y"), tail.sink.messages());
            assertEquals(refusedIds, tail.sink.events().stream().map(LogEvent::id).toList());
        }
    }

    @Test
    void readFromHeadFalseSkipsWhatAFileHeldAtStartUp() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "old\n");
        try (TailHarness tail = TailHarness.start(uri("readFromHead=false"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> committedOffsets(dir.resolve("registry.json")).containsKey(log.toString()));
            append(log, "new\n");
            // a file that appears later is new: all of it is read
            append(dir.resolve("later.log"), "first line of a later file\n");
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 2);
            assertEquals(List.of("first line of a later file", "new"), tail.sink.messages().stream().sorted().toList());
        }
    }

    @Test
    void readFromHeadFalseStillReadsALineThatWasHalfWrittenAtStartUp() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "old\nhalf writ");
        try (TailHarness tail = TailHarness.start(uri("readFromHead=false"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 4L).equals(committedOffsets(dir.resolve("registry.json"))));
            append(log, "ten\n");
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            assertEquals(List.of("half written"), tail.sink.messages());
        }
    }

    @Test
    void globsCrossDirectoriesWithDoubleStarAndHonourExcludes() throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        append(dir.resolve("a/b/deep.log"), "deep\n");
        append(dir.resolve("a/skip.log"), "skipped\n");
        append(dir.resolve("a/other.txt"), "not a log\n");
        String uri = "tail:test?include=" + dir + "/**/*.log&exclude=" + dir + "/**/skip.log&registry=" + dir
                + "/registry.json&" + TailHarness.FAST;
        try (TailHarness tail = TailHarness.start(uri)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> tail.sink.messages().size() == 1);
            assertEquals(List.of("deep"), tail.sink.messages());
        }
    }
}
