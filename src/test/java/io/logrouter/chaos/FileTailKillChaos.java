package io.logrouter.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.it.ElasticsearchQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped file-tail route in the packaged router, killed with SIGKILL while an application keeps writing, then
 * started again on the same checkpoint registry: every line must be in Elasticsearch exactly once.
 */
class FileTailKillChaos {

    private final String index = "chaos-tail-kill-" + UUID.randomUUID();
    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();

    @TempDir
    Path dir;

    @AfterEach
    void deleteIndex() throws Exception {
        elasticsearch.send("DELETE", "/" + index + "?ignore_unavailable=true", null);
    }

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
