package io.logrouter.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.sinks.s3.ArchiveBucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 endpoint stopped while the file tail archives to it through the shipped {@code s3-archive} example route,
 * then started again: the sink's retry budget runs out, the tail re-delivers from its checkpoint, and every line read
 * back from the bucket's objects must be there: exactly once, or, where a failed batch's stored objects were
 * re-delivered in a different cut, reported as duplicates in the results table.
 */
class S3OutageChaos {

    private static final Duration RETRY_BUDGET = Duration.ofSeconds(5);
    private static final String PARTITION = "level={level}/dt={yyyy-MM-dd}";

    private final StackService s3 = new StackService("s3");

    @TempDir
    Path dir;

    @Test
    void nothingIsLostOrDuplicatedWhileS3IsAway() throws Exception {
        int events = ChaosScale.events(10_000, 100_000);
        Duration outage = ChaosScale.duration(Duration.ofSeconds(15), Duration.ofSeconds(60));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path routes = RoutesFolder.add(RoutesFolder.of(dir, "examples/s3-archive.yaml", "dead-letter.yaml"),
                Path.of("src/test/resources/io/logrouter/chaos/tail-to-s3.yaml"));
        String bucketName = "chaos-s3-" + UUID.randomUUID();
        try (ArchiveBucket bucket = new ArchiveBucket(bucketName);
                RouterProcess router = new RouterProcess("s3-outage", routes)
                        .env("LOGROUTER_TAIL_INCLUDE", logs + "/*.log")
                        .env("LOGROUTER_TAIL_REGISTRY", dir.resolve("registry.json").toString())
                        .env("S3_ENDPOINT", "http://127.0.0.1:9000")
                        .env("LOGROUTER_S3_FORCE_PATH_STYLE", "true")
                        .env("LOGROUTER_S3_ACCESS_KEY", "logrouter")
                        .env("LOGROUTER_S3_SECRET_KEY", "logrouter-secret")
                        .env("LOGROUTER_S3_BUCKET", bucketName)
                        .env("LOGROUTER_S3_AUTO_CREATE_BUCKET", "true")
                        .env("LOGROUTER_S3_RETRY_BUDGET_MILLIS", Long.toString(RETRY_BUDGET.toMillis()))
                        // two objects per batch (ERROR and INFO lines): a failure can fall between their puts
                        .env("LOGROUTER_S3_PARTITION", PARTITION)
                        .start();
                FileTraffic traffic = new FileTraffic(logs.resolve("app.log"), events, events / 30)) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> traffic.written() >= events / 4 && !bucket.keys().isEmpty());
            s3.stop();
            Thread.sleep(outage.toMillis());
            assertTrue(router.isAlive(), "the router died while S3 was away");
            s3.start();

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> traffic.done() && seqCounts(bucket).size() >= events);
            SeqAudit audit = SeqAudit.of(events, seqCounts(bucket));
            boolean lossless = audit.missing().isEmpty() && audit.unexpected().isEmpty();
            ChaosReport.row("S3 outage: file tail to s3-archive", "S3Proxy stopped " + outage.toSeconds()
                    + " s, started again (sink retry budget " + RETRY_BUDGET.toSeconds() + " s, objects by level)",
                    audit, "stayed up, " + bucket.keys().size() + " objects, peak RSS " + router.peakRssMebibytes()
                            + " MiB",
                    audit.exactlyOnce() ? "exactly once" : lossless ? "no loss; " + audit.duplicated().size()
                            + " duplicated: objects of a failed batch re-delivered in a different cut (known)"
                            : "FAILED: " + audit);
            // Object names hash the ids inside, so a batch re-delivered whole overwrites its objects; but when a
            // batch's first object was stored before S3 went away and the tail re-delivers its events in a bigger
            // batch (more lines were appended meanwhile), the new objects have other names and the first one's
            // events are archived twice. That is reported above; losing an event never is acceptable.
            assertTrue(lossless, audit.toString());
        }
    }

    /** How often each seq occurs across every line of every object of the bucket. */
    private static Map<Long, Long> seqCounts(ArchiveBucket bucket) throws Exception {
        Map<Long, Long> counts = new TreeMap<>();
        for (List<JsonNode> lines : bucket.lines().values()) {
            for (JsonNode line : lines) {
                counts.merge(line.path("seq").asLong(-1), 1L, Long::sum);
            }
        }
        return counts;
    }
}
