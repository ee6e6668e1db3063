package io.logrouter.sources.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.logrouter.event.EventBatch;
import io.logrouter.event.SinkUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Commits against the real broker of the local stack: every partition of a batch is committed at the offset after its
 * last record, except partitions the consumer no longer owns (here: never assigned, as after a revocation).
 */
class BatchOffsetsTest {

    @Test
    void commitsEveryAssignedPartitionOfTheBatchAndLeavesRevokedOnesAlone() throws Exception {
        String run = UUID.randomUUID().toString();
        String topic = "it-offsets-" + run;
        String group = "it-offsets-" + run;
        try (KafkaTestClient kafka = new KafkaTestClient(); KafkaConsumer<byte[], byte[]> consumer = consumer(group)) {
            kafka.createTopic(topic, 3);
            consumer.assign(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)));
            Exchange batch = new KafkaRecords(new DefaultCamelContext(), consumer)
                    .add(topic, 0, 0, null, line())
                    .add(topic, 1, 0, null, line())
                    .add(topic, 2, 0, null, line())
                    .add(topic, 0, 1, null, line())
                    .batch();
            new KafkaBatchDecoder().process(batch);
            assertThrows(SinkUnavailableException.class, () -> new KafkaOffsetCommitter().process(batch),
                    "no sink settled the events yet");
            assertEquals(Map.of(), kafka.committedOffsets(group, topic));
            EventBatch events = batch.getMessage().getBody(EventBatch.class);
            events.settle(events); // as the sinks do once they have written them

            new KafkaOffsetCommitter().process(batch);

            assertEquals(Map.of(new TopicPartition(topic, 0), 2L, new TopicPartition(topic, 1), 1L),
                    kafka.committedOffsets(group, topic));
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties config = new Properties();
        config.put("bootstrap.servers", KafkaTestClient.BROKERS);
        config.put("group.id", group);
        config.put("enable.auto.commit", "false");
        config.put("key.deserializer", ByteArrayDeserializer.class.getName());
        config.put("value.deserializer", ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    private static byte[] line() {
        return "line".getBytes(StandardCharsets.UTF_8);
    }
}
