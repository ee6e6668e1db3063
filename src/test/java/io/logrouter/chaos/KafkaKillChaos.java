package io.logrouter.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.sources.kafka.KafkaTestClient;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Kafka route in the packaged router, killed with SIGKILL while a shipper keeps producing, then started
 * again: every record must be in Elasticsearch exactly once, and the consumer group's offsets committed to the end
 * of every partition.
 */
class KafkaKillChaos {

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final KafkaTestClient kafka = new KafkaTestClient();
    private KafkaRoute route;

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        if (route != null) {
            elasticsearch.send("DELETE", "/" + route.index + "?ignore_unavailable=true", null);
        }
        kafka.close();
    }

    @Test
    void aKilledRouterResumesFromItsCommittedOffsetsWithoutLossOrDuplicates() throws Exception {
        int events = ChaosScale.events(20_000, 200_000);
        int kills = ChaosScale.events(1, 3);
        route = new KafkaRoute("chaos-kafka-kill", kafka, 3);
        try (RouterProcess router = route.router("kafka-kill", dir).start();
                KafkaTraffic traffic = new KafkaTraffic(route.topic, events, events / 20)) {
            for (int kill = 1; kill <= kills; kill++) {
                long target = (long) events * kill / (kills + 1);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                        .until(() -> elasticsearch.count(route.index) >= target);
                router.kill();
                router.start();
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> traffic.done() && kafka.caughtUp(route.group, route.topic));
            SeqAudit audit = SeqAudit.ofIndex(elasticsearch, route.index, events);
            ChaosReport.row("Kafka: router killed", kills + " x kill -9 mid-stream, restarted (session timeout "
                    + KafkaRoute.SESSION_TIMEOUT.toSeconds() + " s)", audit,
                    "peak RSS " + router.peakRssMebibytes() + " MiB, offsets committed to the end");
            assertEquals(0, traffic.failed(), "records the producer could not write");
            assertTrue(audit.exactlyOnce(), audit.toString());
        }
    }
}
