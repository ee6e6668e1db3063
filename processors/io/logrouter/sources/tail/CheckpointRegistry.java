package io.logrouter.sources.tail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The checkpoint file. It is replaced atomically (a synced temporary file in the same directory renamed over it, then
 * the directory synced), so a crash at any moment leaves either the previous or the new checkpoints, never a torn file.
 */
final class CheckpointRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    CheckpointRegistry(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The saved checkpoints by file identity; none when the registry does not exist yet. */
    Map<String, Checkpoint> load() throws IOException {
        Map<String, Checkpoint> byIdentity = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (Checkpoint checkpoint : JSON.readValue(file.toFile(), Content.class).files()) {
                byIdentity.put(checkpoint.identity(), checkpoint);
            }
        }
        return byIdentity;
    }

    void save(Collection<Checkpoint> checkpoints) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Content(1, List.copyOf(checkpoints)));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(json);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncDirectory(directory);
    }

    /** Makes the rename itself durable; file systems that cannot sync a directory are left as they are. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the rename is still atomic; only its durability across a power cut is up to the file system
        }
    }

    private record Content(int version, List<Checkpoint> files) {
    }
}
