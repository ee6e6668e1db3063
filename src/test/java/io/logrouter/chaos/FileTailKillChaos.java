package io.logrouter.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.it.ElasticsearchQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped file-tail route in the packaged router, killed with SIGKILL while an application keeps writing, then
 * started again on the same checkpoint registry: every line must be in Elasticsearch exactly once.
 */
class FileTailKillChaos {

    @RegisterExtension
    final ChaosIndices indices = new ChaosIndices();
    private final String index = indices.name("tail-kill");
    private final ElasticsearchQueries elasticsearch = indices.elasticsearch();

    @TempDir
    Path dir;

    @Test
    void aKilledRouterResumesFromItsCheckpointWithoutLossOrDuplicates() throws Exception {
        int events = ChaosScale.events(30_000, 300_000);
        int kills = ChaosScale.events(2, 5);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        try (RouterProcess router = new RouterProcess("tail-kill",
                RoutesFolder.of(dir, "file-tail.yaml", "dead-letter.yaml"));
                FileTraffic traffic = new FileTraffic(logs.resolve("app.log"), events, events / 20)) {
            router.env("LOGROUTER_TAIL_INCLUDE", logs + "/*.log")
                    .env("LOGROUTER_TAIL_REGISTRY", dir.resolve("registry.json").toString())
                    .env("LOGROUTER_INDEX_FILES", index)
                    .start();
            for (int kill = 1; kill <= kills; kill++) {
                long target = (long) events * kill / (kills + 1);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> elasticsearch.count(index) >= target);
                router.kill();
                router.start();
            }
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> traffic.done() && elasticsearch.count(index) >= events);
            SeqAudit audit = SeqAudit.ofIndex(elasticsearch, index, events);
            ChaosReport.row("file tail: router killed", kills + " x kill -9 mid-stream, restarted", audit,
                    "peak RSS " + router.peakRssMebibytes() + " MiB");
            assertTrue(audit.exactlyOnce(), audit.toString());
        }
    }
}
