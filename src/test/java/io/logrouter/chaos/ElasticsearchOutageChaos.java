package io.logrouter.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.it.ElasticsearchQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elasticsearch stopped while the file tail and HTTP ingest carry traffic, then started again: the tail waits and
 * re-delivers from its checkpoint, the shippers are answered 503 and retry, the router stays up with its readiness
 * down during the outage, and in the end every event of both sources is in Elasticsearch exactly once.
 */
class ElasticsearchOutageChaos {

    // deleted after the @AfterEach below has started Elasticsearch again
    @RegisterExtension
    final ChaosIndices indices = new ChaosIndices();
    private final String fileIndex = indices.name("es-outage-file");
    private final String httpIndex = indices.name("es-outage-http");
    private final ElasticsearchQueries elasticsearch = indices.elasticsearch();
    private final StackService elasticsearchServer = new StackService("elasticsearch");

    @TempDir
    Path dir;

    @AfterEach
    void startElasticsearch() throws Exception {
        elasticsearchServer.start();
    }

    @Test
    void nothingIsLostOrDuplicatedWhileElasticsearchIsAway() throws Exception {
        int events = ChaosScale.events(10_000, 100_000);
        Duration outage = ChaosScale.duration(Duration.ofSeconds(15), Duration.ofSeconds(60));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        try (RouterProcess router = new RouterProcess("es-outage",
                RoutesFolder.of(dir, "file-tail.yaml", "http-ingest.yaml", "dead-letter.yaml"))
                .env("LOGROUTER_TAIL_INCLUDE", logs + "/*.log")
                .env("LOGROUTER_TAIL_REGISTRY", dir.resolve("registry.json").toString())
                .env("LOGROUTER_INDEX_FILES", fileIndex)
                .env("LOGROUTER_INDEX_HTTP", httpIndex)
                .start();
                FileTraffic files = new FileTraffic(logs.resolve("app.log"), events, events / 40);
                HttpTraffic http = new HttpTraffic(router.uri("/ingest/ndjson"), events, 100, 2,
                        Duration.ofMillis(400))) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> elasticsearch.count(fileIndex) >= events / 5
                            && http.acknowledged() >= events / 5);

            elasticsearchServer.stop();
            Instant back = Instant.now().plus(outage);
            boolean readinessWentDown = false;
            while (Instant.now().isBefore(back)) {
                readinessWentDown |= router.status("/q/health/ready") == 503;
                assertTrue(router.isAlive(), "the router died while Elasticsearch was away");
                Thread.sleep(500);
            }
            elasticsearchServer.start();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> router.status("/q/health/ready") == 200);
            assertTrue(http.awaitDone(Duration.ofMinutes(5)), "the shippers did not get every chunk through");
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> files.done() && elasticsearch.count(fileIndex) >= events);
            SeqAudit fileAudit = SeqAudit.ofIndex(elasticsearch, fileIndex, events);
            SeqAudit httpAudit = SeqAudit.ofIndex(elasticsearch, httpIndex, events);
            String fault = "Elasticsearch stopped " + outage.toSeconds() + " s (plus its start-up), started again";
            String health = "stayed up, readiness " + (readinessWentDown ? "503 during the outage" : "never 503")
                    + " and back to 200, peak RSS " + router.peakRssMebibytes() + " MiB";
            ChaosReport.row("Elasticsearch outage: file tail", fault, fileAudit, health);
            ChaosReport.row("Elasticsearch outage: HTTP", fault, httpAudit,
                    "answers " + http.statuses() + ", connection errors " + http.connectionErrors());
            assertTrue(fileAudit.exactlyOnce(), "file tail: " + fileAudit);
            assertTrue(httpAudit.exactlyOnce(), "HTTP: " + httpAudit);
            assertTrue(readinessWentDown, "readiness stayed up while Elasticsearch was away");
            assertTrue(http.statuses().getOrDefault(503, 0L) > 0, "no shipper was answered 503: " + http.statuses());
            assertEquals(0, http.connectionErrors(), "the router refused connections");
        }
    }
}
