package io.logrouter.sources.tail;

import static io.logrouter.sources.tail.TailHarness.append;
import static io.logrouter.sources.tail.TailHarness.committedOffsets;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.logrouter.event.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailRotationTest {

    @TempDir
    Path dir;

    private String uri(String include) {
        return uri(include, 200);
    }

    private String uri(String include, long rotateWait) {
        return "tail:rotation?include=" + include + "&registry=" + dir + "/registry.json&format=plain&rotateWait=" + rotateWait
                + "&" + TailHarness.FAST;
    }

    @Test
    void renameRotationFinishesTheOldFileAndReadsTheNewOneFromItsStart() throws Exception {
        Path log = dir.resolve("app.log");
        Path registry = dir.resolve("registry.json");
        try (TailHarness tail = TailHarness.start(uri(dir + "/app.log"));
                OutputStream writer = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            writer.write("before 1\nbefore 2\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 2);

            Files.move(log, dir.resolve("app.log.1"));
            // the writer has not reopened yet: these lines land in the renamed file
            writer.write("during rotation\n".getBytes(StandardCharsets.UTF_8));
            writer.flush();
            append(log, "after 1\nafter 2\n");

            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 5);
            assertEquals(List.of("before 1", "before 2", "during rotation"), tail.sink.messages().stream()
                    .filter(m -> !m.startsWith("after")).toList());
            assertEquals(List.of("after 1", "after 2"), tail.sink.messages().stream().filter(m -> m.startsWith("after")).toList());

            // the rotated file is released once it has been quiet for rotateWait, and leaves the registry
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.consumer().getOpenFiles() == 1);
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 16L).equals(committedOffsets(registry)));
            assertEquals(5, tail.sink.messages().size());
        }
    }

    @Test
    void rotateWaitCountsFromTheRotationNotFromTheLastLine() throws Exception {
        Path log = dir.resolve("app.log");
        try (TailHarness tail = TailHarness.start(uri(dir + "/app.log", 1000));
                OutputStream writer = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            writer.write("before\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            // quiet for longer than rotateWait before the rotation, as a file of a calm container is
            await().pollDelay(Duration.ofMillis(1100)).until(() -> true);

            Files.move(log, dir.resolve("app.log.1"));
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> tail.consumer().getOpenFiles() == 1);
            writer.write("written by a writer slow to reopen\n".getBytes(StandardCharsets.UTF_8));
            writer.flush();

            await().atMost(Duration.ofSeconds(15)).until(() -> tail.consumer().getOpenFiles() == 0);
            assertEquals(List.of("before", "written by a writer slow to reopen"), tail.sink.messages());
        }
    }

    @Test
    void aRenamedFileThatStillMatchesKeepsItsCheckpoint() throws Exception {
        Path log = dir.resolve("app.log");
        Path rotated = dir.resolve("app.1.log");
        append(log, "a\nb\n");
        try (TailHarness tail = TailHarness.start(uri(dir + "/*.log"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 2);
            Files.move(log, rotated);
            Path registry = dir.resolve("registry.json");
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(rotated.toString(), 4L).equals(committedOffsets(registry)));
            append(rotated, "c\n");
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(rotated.toString(), 6L).equals(committedOffsets(registry)));
            assertEquals(List.of("a", "b", "c"), tail.sink.messages());
            assertEquals(rotated.toString(), tail.sink.events().get(2).text("log.file.path"));
        }
    }

    @Test
    void copyTruncateIsReadAgainFromTheStartUnderNewIds() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "old 1\nold 2\n");
        try (TailHarness tail = TailHarness.start(uri(dir + "/app.log"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 2);

            Files.copy(log, dir.resolve("app.log.1"));
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
                channel.truncate(0);
            }
            append(log, "new 1\n");

            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 3);
            assertEquals(List.of("old 1", "old 2", "new 1"), tail.sink.messages());
            List<LogEvent> events = tail.sink.events();
            assertEquals(0L, events.get(2).get("log.offset").asLong());
            assertNotEquals(events.get(0).id(), events.get(2).id(), "new content at offset 0 must not overwrite the old");
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 6L).equals(committedOffsets(dir.resolve("registry.json"))));
        }
    }

    @Test
    void aDeletedFileIsReadToItsEndAndThenItsHandleReleased() throws Exception {
        Path log = dir.resolve("app.log");
        try (TailHarness tail = TailHarness.start(uri(dir + "/app.log"));
                OutputStream writer = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            writer.write("one\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.consumer().getOpenFiles() == 1);
            Files.delete(log);
            writer.write("two, written after the delete\n".getBytes(StandardCharsets.UTF_8));
            writer.flush();

            await().atMost(Duration.ofSeconds(15)).until(() -> tail.consumer().getOpenFiles() == 0);
            assertEquals(List.of("one", "two, written after the delete"), tail.sink.messages());
            await().atMost(Duration.ofSeconds(15)).until(() -> committedOffsets(dir.resolve("registry.json")).isEmpty());
        }
    }

    @Test
    void anUnfinishedLastLineOfAReleasedFileIsNotLost() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "whole\nno newline at the end");
        try (TailHarness tail = TailHarness.start(uri(dir + "/app.log"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            Files.move(log, dir.resolve("app.log.1"));
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.consumer().getOpenFiles() == 0);
            assertEquals(List.of("whole", "no newline at the end"), tail.sink.messages());
        }
    }

    @Test
    void aFileRewrittenInPlaceBeyondTheOldOffsetIsToldApartByItsFingerprint() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "old\n");
        try (TailHarness tail = TailHarness.start(uri(dir + "/app.log"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            // truncated and refilled past the old offset in one go: only the first bytes show the change
            Files.writeString(log, "new content, longer than before\n", StandardOpenOption.TRUNCATE_EXISTING);
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 2);
            assertEquals(List.of("old", "new content, longer than before"), tail.sink.messages());
        }
    }

    @Test
    void aFileReplacedWhileTheAgentWasStoppedIsReadFromItsStart() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "before the stop\n");
        try (TailHarness tail = TailHarness.start(uri(dir + "/app.log"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> Map.of(log.toString(), 16L).equals(committedOffsets(dir.resolve("registry.json"))));
        }
        Files.writeString(log, "rewritten while stopped, and longer\n", StandardOpenOption.TRUNCATE_EXISTING);
        try (TailHarness tail = TailHarness.start(uri(dir + "/app.log"))) {
            await().atMost(Duration.ofSeconds(15)).until(() -> tail.sink.messages().size() == 1);
            assertEquals(List.of("rewritten while stopped, and longer"), tail.sink.messages());
        }
    }
}
