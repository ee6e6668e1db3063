package io.logrouter.chaos;

import static io.logrouter.chaos.HostileInput.tags;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.it.ElasticsearchQueries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile lines in tailed files, each between runs of good seq-numbered lines, in the packaged router with the node
 * agent DaemonSet's memory (a 512 MiB limit, heap at half of it): a 10 MB line, invalid UTF-8, JSON nested 30 000
 * levels deep (the shipped file-tail route), and lines that make a careless regex backtrack catastrophically (a case
 * route, {@code regex-bomb.yaml}). Every good line must be in Elasticsearch exactly once, every bad one kept with its
 * marker, and the router alive, live and within its memory limit throughout.
 */
class HostileFileInputChaos {

    private static final PodMemory MEMORY = PodMemory.NODE_AGENT;
    /** The tail's default maxEventBytes. */
    private static final int MAX_EVENT_BYTES = 262_144;
    private static final int LONG_LINE_BYTES = 10_000_000;
    private static final int NESTING = 30_000;

    @RegisterExtension
    final ChaosIndices indices = new ChaosIndices();
    private final ElasticsearchQueries elasticsearch = indices.elasticsearch();
    private final String filesIndex = indices.name("hostile-files");
    private final String regexIndex = indices.name("hostile-regex");

    @TempDir
    Path dir;

    @Test
    void hostileLinesAreKeptMarkedAndTheLinesAroundThemArriveExactlyOnce() throws Exception {
        int run = ChaosScale.events(500, 20_000);
        int bombs = ChaosScale.events(5, 50);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path regexLogs = Files.createDirectories(dir.resolve("regex"));
        Path routes = RoutesFolder.of(dir, "file-tail.yaml", "dead-letter.yaml");
        Files.copy(HostileFileInputChaos.class.getResourceAsStream("regex-bomb.yaml"),
                routes.resolve("regex-bomb.yaml"));
        try (RouterProcess router = new RouterProcess("hostile-files", routes)) {
            router.jvm(MEMORY.heapOption())
                    .env("LOGROUTER_TAIL_INCLUDE", logs + "/*.log")
                    .env("LOGROUTER_TAIL_REGISTRY", dir.resolve("registry.json").toString())
                    .env("LOGROUTER_INDEX_FILES", filesIndex)
                    .env("CHAOS_REGEX_INCLUDE", regexLogs + "/*.log")
                    .env("CHAOS_REGEX_REGISTRY", dir.resolve("regex-registry.json").toString())
                    .env("CHAOS_REGEX_INDEX", regexIndex)
                    .start();
            try (LivenessWatch liveness = new LivenessWatch(router)) {
                Path app = logs.resolve("app.log");
                // good | 10 MB line | good | invalid UTF-8 (seq lines themselves) | good | deep nesting | good
                append(app, SeqEvents.lines(0, run));
                append(app, HostileInput.longLine("hostilelongline", LONG_LINE_BYTES));
                append(app, SeqEvents.lines(run, 2 * run));
                append(app, HostileInput.invalidUtf8Lines(2 * run, 3 * run));
                append(app, SeqEvents.lines(3 * run, 4 * run));
                append(app, HostileInput.nestedJsonLine(NESTING));
                append(app, SeqEvents.lines(4 * run, 5 * run));
                int goodFileEvents = 5 * run;

                Path regexApp = regexLogs.resolve("app.log");
                long bombsWritten = System.nanoTime();
                StringBuilder regexLines = new StringBuilder();
                for (int seq = 0; seq < run; seq++) {
                    regexLines.append("seq=").append(seq).append(" f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,P\n");
                    if (seq % (run / bombs) == run / bombs / 2) {
                        regexLines.append("seq=0 bombline").append(",".repeat(80)).append('\n');
                    }
                }
                append(regexApp, regexLines.toString().getBytes(StandardCharsets.US_ASCII));

                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> elasticsearch.count(filesIndex) >= goodFileEvents + 2
                                && elasticsearch.count(regexIndex) >= run + bombs);
                Duration regexTook = Duration.ofNanos(System.nanoTime() - bombsWritten);
                long peakRss = router.peakRssMebibytes();
                String fared = liveness + "; peak RSS " + peakRss + " MiB (limit " + MEMORY.limitMebibytes() + ")";

                SeqAudit files = SeqAudit.ofIndex(elasticsearch, filesIndex, goodFileEvents);
                ChaosReport.row("hostile file lines", "good lines around a 10 MB line, invalid UTF-8 lines, JSON "
                        + NESTING + " levels deep", files, fared);

                List<JsonNode> longLines = elasticsearch.search(filesIndex, "hostilelongline", "message");
                String longLineMessage = longLines.isEmpty() ? ""
                        : longLines.get(0).path("_source").path("message").asText();
                List<String> longLineTags = tags(longLines);
                ChaosReport.row("file tail: 10 MB line", "one line of " + LONG_LINE_BYTES + " bytes", fared,
                        longLines.size() + " document, message cut to " + longLineMessage.length()
                                + " chars, tags " + longLineTags);

                HostileInput.InvalidUtf8Documents utf8 = HostileInput.invalidUtf8Documents(elasticsearch, filesIndex);
                ChaosReport.row("file tail: invalid UTF-8", run + " JSON lines with bytes FF FE C3 28 in a string",
                        fared, utf8.documents() + " documents (in the exactly-once audit), " + utf8.replaced()
                                + " with U+FFFD in place of the bad bytes");

                List<JsonNode> nested = elasticsearch.search(filesIndex, "nesting", "error.message");
                ChaosReport.row("file tail: deeply nested JSON", "{\"a\": x " + NESTING + " on one line", fared,
                        nested.size() + " document, tags " + tags(nested) + ", error: "
                                + (nested.isEmpty() ? "-" : nested.get(0).path("_source").path("error")
                                        .path("message").asText()));

                SeqAudit regex = SeqAudit.ofIndex(elasticsearch, regexIndex, run);
                List<JsonNode> cut = elasticsearch.search(regexIndex, "time budget", "error.message");
                ChaosReport.row("regex bomb", bombs + " lines of 80 commas that make (?:.*?,){11}P backtrack,"
                        + " among " + run + " good ones", regex, fared + "; " + cut.size()
                                + " cut by the parser's deadline and tagged " + tags(cut) + "; all " + (run + bombs)
                                + " lines in Elasticsearch " + regexTook.toSeconds() + " s after they were written");

                assertAll(
                        () -> assertTrue(files.exactlyOnce(), files.toString()),
                        () -> assertEquals(1, longLines.size(), "the 10 MB line as one document"),
                        () -> assertTrue(longLineMessage.startsWith("hostilelongline")
                                && longLineMessage.length() <= MAX_EVENT_BYTES, "cut to maxEventBytes"),
                        () -> assertTrue(longLineTags.contains("truncated"), "tags " + longLineTags),
                        () -> assertEquals(run, utf8.documents(), "invalid UTF-8 lines"),
                        () -> assertEquals(run, utf8.replaced(), "U+FFFD in place of invalid bytes"),
                        () -> assertEquals(1, nested.size(), "the nested line, kept with its marker"),
                        () -> assertTrue(tags(nested).contains("parse_failure"), "tags " + tags(nested)),
                        () -> assertTrue(regex.exactlyOnce(), regex.toString()),
                        () -> assertEquals(bombs, cut.size(), "bombs cut by the deadline"),
                        () -> assertTrue(tags(cut).contains("parse_failure"), "tags " + tags(cut)),
                        () -> assertEquals(0, liveness.failures(), liveness.toString()),
                        () -> assertTrue(router.isAlive(), "router died"),
                        () -> assertTrue(peakRss < MEMORY.limitMebibytes(), "peak RSS " + peakRss + " MiB"));
            }
        }
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
