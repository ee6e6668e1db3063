package io.logrouter.sources.tail;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.sources.SinkDownRoutes;
import io.logrouter.sources.kafka.KafkaTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A routes file whose sink is down and whose error handling swallows the failure (onException handled, a dead-letter
 * channel to log:, a fan-out where a Kafka destination settles and Elasticsearch fails) must not move the tail's
 * checkpoint: the events reach
 * Elasticsearch, once each, when it is back.
 */
class TailAcknowledgesSettledBatchesTest {

    private static final int EVENTS = 50;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tail-handled.yaml", "tail-dead-letter-channel.yaml", "tail-fan-out.yaml"})
    void aBatchNoSinkSettledIsNotCheckpointedAndArrivesOnceTheSinkIsBack(String file) throws Exception {
        String index = "it-settle-tail-" + UUID.randomUUID().toString().substring(0, 8);
        Path log = dir.resolve("app.log");
        Files.write(log, IntStream.range(0, EVENTS).mapToObj(seq -> "{\"seq\":" + seq + ",\"message\":\"line " + seq
                + "\"}").toList());
        Path registry = dir.resolve("registry.json");
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.createTopic(index, 1);
        }
        try (SinkDownRoutes routes = new SinkDownRoutes("io/logrouter/sources/settle/" + file, Map.of(
                "settle.include", log.toString(), "settle.registry", registry.toString(), "settle.index", index,
                "settle.topic", index, "settle.brokers", KafkaTestClient.BROKERS))) {
            // read, refused and read again at least twice
            await().atMost(Duration.ofSeconds(60)).until(() -> routes.refusedEvents("settle-tail") >= 2 * EVENTS);

            assertEquals(List.of(0L), offsets(registry), "the checkpoint stays at the start of the file");
            assertEquals(List.of(), SinkDownRoutes.seqs(index));
            if (file.contains("fan-out")) {
                assertTrue(KafkaTestClient.read(index, Map.of(new TopicPartition(index, 0), 0L), "\"seq\"", EVENTS,
                        Duration.ofSeconds(10)).size() >= EVENTS, "the Kafka destination settled its copies");
            }

            routes.sinkBack();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> offsets(registry).equals(List.of(Files.size(log))));
            assertEquals(IntStream.range(0, EVENTS).boxed().toList(), SinkDownRoutes.seqs(index),
                    "every event once");
        } finally {
            SinkDownRoutes.deleteIndex(index);
        }
        assertTrue(Files.exists(registry));
    }

    private static List<Long> offsets(Path registry) throws IOException {
        return new CheckpointRegistry(registry).load().values().stream().map(Checkpoint::offset).toList();
    }
}
