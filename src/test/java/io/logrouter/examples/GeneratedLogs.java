package io.logrouter.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shared samples and the shared generator (../shared/data beside the project root). */
final class GeneratedLogs {

    static final Path SAMPLES = Path.of("..", "shared", "data", "samples");
    private static final Path GENERATOR = Path.of("..", "shared", "data", "gen_logs.py");

    private GeneratedLogs() {
    }

    /** {@code gen_logs.py kind count seed}: deterministic lines with a unique {@code seq} each. */
    static List<String> generate(String kind, int count, int seed) throws IOException, InterruptedException {
        Process generator = new ProcessBuilder("python3", GENERATOR.toString(), kind, String.valueOf(count),
                String.valueOf(seed)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();
        if (generator.waitFor() != 0 || lines.size() != count) {
            throw new IOException("gen_logs.py " + kind + " " + count + " gave " + lines.size() + " lines");
        }
        return lines;
    }

    /** The sample file whose name starts with {@code prefix}. */
    static Path sample(String prefix) throws IOException {
        try (var files = Files.list(SAMPLES)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IOException("no sample " + prefix + "* in " + SAMPLES.toAbsolutePath()));
        }
    }
}
