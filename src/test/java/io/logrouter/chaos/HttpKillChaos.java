package io.logrouter.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.it.ElasticsearchQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped HTTP ingest route in the packaged router, killed with SIGKILL while shippers post: whatever the router
 * answered 2xx for before it died is in Elasticsearch, and once the shippers' retries went through, every event is
 * there exactly once (a chunk written but not answered before the kill is posted again and overwrites itself).
 */
class HttpKillChaos {

    @RegisterExtension
    final ChaosIndices indices = new ChaosIndices();
    private final String index = indices.name("http-kill");
    private final ElasticsearchQueries elasticsearch = indices.elasticsearch();

    @TempDir
    Path dir;

    @Test
    void whatWasAnsweredSurvivesAKillAndRetriedChunksDoNotDuplicate() throws Exception {
        int events = ChaosScale.events(20_000, 200_000);
        int kills = ChaosScale.events(1, 3);
        try (RouterProcess router = new RouterProcess("http-kill",
                RoutesFolder.of(dir, "http-ingest.yaml", "dead-letter.yaml"))
                .env("LOGROUTER_INDEX_HTTP", index).start();
                HttpTraffic traffic = new HttpTraffic(router.uri("/ingest/ndjson"), events, 200, 4,
                        Duration.ofMillis(50))) {
            for (int kill = 1; kill <= kills; kill++) {
                long target = (long) events * kill / (kills + 1);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                        .until(() -> traffic.acknowledged() >= target);
                router.kill();
                List<Long> answeredButLost = SeqAudit.ofIndex(elasticsearch, index, events).missing().stream()
                        .filter(traffic::acknowledged).toList();
                assertEquals(List.of(), answeredButLost, "answered 2xx before the kill, not in Elasticsearch");
                router.start();
            }
            assertTrue(traffic.awaitDone(Duration.ofMinutes(5)), "the shippers did not get every chunk through");
            SeqAudit audit = SeqAudit.ofIndex(elasticsearch, index, events);
            ChaosReport.row("HTTP: router killed", kills + " x kill -9 mid-stream, shippers retry", audit,
                    "peak RSS " + router.peakRssMebibytes() + " MiB, answers " + traffic.statuses()
                            + ", connection errors " + traffic.connectionErrors());
            assertTrue(audit.exactlyOnce(), audit.toString());
        }
    }
}
