package io.logrouter.reload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The folder the routes are read from: its {@code *.yaml} files, links followed. Names starting with a dot are
 * skipped: on a ConfigMap mount they are the kubelet's {@code ..data} link and timestamped folders.
 */
public final class RouteFolder {

    private final Path dir;

    public RouteFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Every routes file, by name. A file that vanishes while the folder is read (a ConfigMap swap in progress) makes
     * the whole read fail rather than look deleted, so the caller keeps what runs and looks again later.
     */
    public List<RouteFile> read() throws IOException {
        List<RouteFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.yaml")) {
            for (Path path : entries) {
                if (!path.getFileName().toString().startsWith(".") && Files.isRegularFile(path)) {
                    files.add(RouteFile.read(path));
                }
            }
        }
        files.sort(Comparator.comparing(RouteFile::name));
        return files;
    }
}
