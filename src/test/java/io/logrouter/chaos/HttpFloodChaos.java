package io.logrouter.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.it.ElasticsearchQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped HTTP ingest route under several times the concurrent requests it admits
 * ({@code logrouter.http.max-in-flight}, 32), in a router with the aggregator Deployment's memory (a 1 GiB limit,
 * heap at half of it), while slow clients trickle request bodies or hold connections open: the router answers the
 * excess 429 with Retry-After, stays live, stays under its memory limit, and since the shippers retry, every event is
 * in Elasticsearch exactly once; the slow clients do not keep the shippers from finishing.
 */
class HttpFloodChaos {

    private static final int MAX_IN_FLIGHT = 32;
    private static final PodMemory MEMORY = PodMemory.AGGREGATOR;

    @RegisterExtension
    final ChaosIndices indices = new ChaosIndices();
    private final ElasticsearchQueries elasticsearch = indices.elasticsearch();
    private final String index = indices.name("http-flood");

    @TempDir
    Path dir;

    @Test
    void aFloodIsAnswered429AndEveryEventLandsOnceWhileSlowClientsHoldConnections() throws Exception {
        int events = ChaosScale.events(60_000, 600_000);
        int shippers = ChaosScale.events(4, 8) * MAX_IN_FLIGHT;
        int slowClients = ChaosScale.events(20, 200);
        Duration bound = ChaosScale.duration(Duration.ofMinutes(4), Duration.ofMinutes(15));
        try (RouterProcess router = new RouterProcess("http-flood",
                RoutesFolder.of(dir, "http-ingest.yaml", "dead-letter.yaml"))) {
            router.jvm(MEMORY.heapOption())
                    .env("LOGROUTER_HTTP_MAX_IN_FLIGHT", Integer.toString(MAX_IN_FLIGHT))
                    .env("LOGROUTER_INDEX_HTTP", index)
                    .start();
            Instant start = Instant.now();
            Duration took;
            int closedSlowClients;
            try (LivenessWatch liveness = new LivenessWatch(router);
                    SlowClients slow = new SlowClients(router.port(), "/ingest/ndjson", slowClients, slowClients);
                    HttpTraffic traffic = new HttpTraffic(router.uri("/ingest/ndjson"), events, 50, shippers,
                            Duration.ZERO)) {
                boolean finished = traffic.awaitDone(bound);
                took = Duration.between(start, Instant.now());
                closedSlowClients = slow.closedByServer();
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> elasticsearch.count(index) >= events);
                SeqAudit audit = SeqAudit.ofIndex(elasticsearch, index, events);
                Map<Integer, Long> statuses = traffic.statuses();
                long peakRss = router.peakRssMebibytes();
                String fared = shippers + " shippers, " + 2 * slowClients + " slow clients (" + closedSlowClients
                        + " closed by the router); answers " + statuses + ", " + traffic.withoutRetryAfter()
                        + " without Retry-After, " + traffic.connectionErrors() + " connection errors; " + liveness
                        + "; peak RSS " + peakRss + " MiB (limit " + MEMORY.limitMebibytes() + "); shippers done in "
                        + took.toSeconds() + " s";
                ChaosReport.row("HTTP flood", shippers / MAX_IN_FLIGHT + "x max-in-flight, slowloris and idle"
                        + " connections", audit, fared);
                assertAll(
                        () -> assertTrue(finished, "shippers not done within " + bound + ": " + fared),
                        () -> assertTrue(audit.exactlyOnce(), audit.toString()),
                        () -> assertTrue(statuses.getOrDefault(429, 0L) > 0, "no 429 under a flood: " + fared),
                        () -> assertEquals(0, traffic.withoutRetryAfter(), "429/503 without Retry-After"),
                        () -> assertEquals(0, liveness.failures(), liveness.toString()),
                        () -> assertTrue(router.isAlive(), "router died"),
                        () -> assertTrue(peakRss < MEMORY.limitMebibytes(), "peak RSS " + peakRss + " MiB"));
            }
        }
    }
}
