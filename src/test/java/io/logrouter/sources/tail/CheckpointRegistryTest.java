package io.logrouter.sources.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointRegistryTest {

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsCheckpointsLeavingNoTemporaryFiles() throws Exception {
        CheckpointRegistry registry = new CheckpointRegistry(dir.resolve("state/registry.json"));
        assertTrue(registry.load().isEmpty());

        Checkpoint a = new Checkpoint("2049:11", 1764100000000L, "/var/log/a.log", 120, 3141592653L, 1024);
        Checkpoint b = new Checkpoint("2049:12", 1764100000001L, "/var/log/b.log", 0, 0, 0);
        Checkpoint aLater = new Checkpoint("2049:11", 1764100000000L, "/var/log/a.log.1", 240, 3141592653L, 1024);
        registry.save(List.of(a, b));
        registry.save(List.of(aLater, b));

        assertEquals(Map.of("2049:11", aLater, "2049:12", b), registry.load());
        try (Stream<Path> files = Files.list(dir.resolve("state"))) {
            assertEquals(List.of(dir.resolve("state/registry.json")), files.toList());
        }
    }
}
