package io.logrouter.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A folder laid out and updated the way the kubelet mounts a ConfigMap: the files live in a timestamped folder, a
 * {@code ..data} link points at it, and each visible file is a link through {@code ..data}. An update writes a new
 * timestamped folder and replaces {@code ..data} with one atomic rename.
 */
final class KubeletConfigMapFolder {

    private final Path dir;
    private final AtomicInteger generation = new AtomicInteger();

    KubeletConfigMapFolder(Path dir) {
        this.dir = dir;
    }

    /** Publishes {@code files} (name to content) as the ConfigMap's new data, removing the names no longer in it. */
    void publish(Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        Path previous = Files.isSymbolicLink(dir.resolve("..data")) ? Files.readSymbolicLink(dir.resolve("..data"))
                : null;
        String timestamped = "..2026_11_26_01_00_00." + generation.incrementAndGet();
        Path data = Files.createDirectory(dir.resolve(timestamped));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(data.resolve(file.getKey()), file.getValue());
        }
        Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), Path.of(timestamped));
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (String name : files.keySet()) {
            if (!Files.isSymbolicLink(dir.resolve(name))) {
                Files.createSymbolicLink(dir.resolve(name), Path.of("..data", name));
            }
        }
        try (var entries = Files.list(dir)) {
            for (Path link : entries.filter(Files::isSymbolicLink).toList()) {
                if (!link.getFileName().toString().startsWith("..") && !files.containsKey(link.getFileName().toString())) {
                    Files.delete(link);
                }
            }
        }
        if (previous != null) {
            try (var old = Files.list(dir.resolve(previous))) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir.resolve(previous));
        }
    }
}
