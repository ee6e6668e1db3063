package io.logrouter.sources.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logrouter.sources.SinkDownRoutes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Kafka route whose sink is down and whose error handling swallows the failure (onException handled, a dead-letter
 * channel to log:) must commit nothing, and read the records again: they reach Elasticsearch, once each, when it is
 * back, and only then is the offset committed. The committed offsets are read with the admin client.
 */
class KafkaCommitsSettledBatchesTest {

    private static final int RECORDS = 40;

    @ParameterizedTest
    @ValueSource(strings = {"kafka-handled.yaml", "kafka-dead-letter-channel.yaml"})
    void aBatchNoSinkSettledIsNotCommittedAndArrivesOnceTheSinkIsBack(String file) throws Exception {
        String name = "it-settle-kafka-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.createTopic(name, 1);
            KafkaTestClient.produce(name, IntStream.range(0, RECORDS)
                    .mapToObj(seq -> "{\"seq\":" + seq + ",\"message\":\"record " + seq + "\"}").toList());
            try (SinkDownRoutes routes = new SinkDownRoutes("io/logrouter/sources/settle/" + file, Map.of(
                    "settle.topic", name, "settle.group", name, "settle.index", name,
                    "settle.brokers", KafkaTestClient.BROKERS))) {
                // polled, refused and read again from the committed offsets at least twice
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> routes.refusedEvents("settle-kafka") >= 2 * RECORDS);

                assertEquals(Map.of(), kafka.committedOffsets(name, name), "nothing committed");
                assertEquals(List.of(), SinkDownRoutes.seqs(name));

                routes.sinkBack();
                await().atMost(Duration.ofSeconds(60)).until(() -> kafka.caughtUp(name, name));
                assertEquals(IntStream.range(0, RECORDS).boxed().toList(), SinkDownRoutes.seqs(name),
                        "every record once");
            } finally {
                SinkDownRoutes.deleteIndex(name);
            }
        }
    }
}
