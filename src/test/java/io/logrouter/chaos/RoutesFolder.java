package io.logrouter.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A routes folder for one case: copies of the shipped route files it needs, so every case runs what users run. */
public final class RoutesFolder {

    private RoutesFolder() {
    }

    public static Path of(Path dir, String... shippedFiles) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        for (String file : shippedFiles) {
            Files.copy(Path.of("routes", file), routes.resolve(Path.of(file).getFileName()));
        }
        return routes;
    }

    /** Adds a route file of the case's own (from the test resources) next to the shipped ones. */
    public static Path add(Path routes, Path file) throws IOException {
        Files.copy(file, routes.resolve(file.getFileName()));
        return routes;
    }
}
