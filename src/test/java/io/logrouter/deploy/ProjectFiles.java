package io.logrouter.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's deployable files, seen from a test run in the project root (as Maven runs it). */
final class ProjectFiles {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    static final Path K8S = ROOT.resolve("k8s");
    static final Path ROUTES = ROOT.resolve("routes");
    /** The schema validators (npm packages, vendored CRDs): tooling, no manifests. */
    static final Path VALIDATE = K8S.resolve("validate");
    static final Path DOCKERFILE = ROOT.resolve("src/main/docker/Dockerfile.jvm");
    static final Path APPLICATION_PROPERTIES = ROOT.resolve("src/main/resources/application.properties");
    static final Path POM = ROOT.resolve("pom.xml");

    private ProjectFiles() {
    }

    /** routes/*.yaml: what the application loads (camel.main.routes-include-pattern). */
    static List<Path> routeFiles() {
        return list(ROUTES, 1, ".yaml");
    }

    /** The manifest sources under k8s/: its files but those of the validators. */
    static List<Path> k8sFiles(String suffix) {
        return list(K8S, Integer.MAX_VALUE, suffix).stream().filter(file -> !file.startsWith(VALIDATE)).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, int depth, String suffix) {
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
