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
 * The Kafka broker stopped and started again while the shipped Kafka route consumes and a shipper produces: the
 * router's commits fail meanwhile and it reads again from the last committed offsets, so every record must be in
 * Elasticsearch exactly once and the group's offsets committed to the end of every partition.
 */
class KafkaBrokerRestartChaos {

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final StackService broker = new StackService("kafka");
    private KafkaTestClient kafka;
    private KafkaRoute route;

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        broker.start();
        if (route != null) {
            elasticsearch.send("DELETE", "/" + route.index + "?ignore_unavailable=true", null);
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void nothingIsLostOrDuplicatedAcrossABrokerRestart() throws Exception {
        int events = ChaosScale.events(20_000, 200_000);
        Duration outage = ChaosScale.duration(Duration.ofSeconds(10), Duration.ofSeconds(60));
        kafka = new KafkaTestClient();
        route = new KafkaRoute("chaos-kafka-broker", kafka, 3);
        try (RouterProcess router = route.router("kafka-broker-restart", dir).start();
                KafkaTraffic traffic = new KafkaTraffic(route.topic, events, events / 30)) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> elasticsearch.count(route.index) >= events / 3);
            broker.stop();
            Thread.sleep(outage.toMillis());
            assertTrue(router.isAlive(), "the router died while the broker was away");
            broker.start();

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> traffic.done() && kafka.caughtUp(route.group, route.topic));
            SeqAudit audit = SeqAudit.ofIndex(elasticsearch, route.index, events);
            ChaosReport.row("Kafka: broker restarted", "broker stopped " + outage.toSeconds()
                    + " s mid-stream, started again", audit,
                    "stayed up, peak RSS " + router.peakRssMebibytes() + " MiB, offsets committed to the end");
            assertEquals(0, traffic.failed(), "records the producer could not write");
            assertTrue(audit.exactlyOnce(), audit.toString());
        }
    }
}
