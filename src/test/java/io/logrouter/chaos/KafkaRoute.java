package io.logrouter.chaos;

import io.logrouter.sources.kafka.KafkaTestClient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The shipped Kafka route ({@code kafka-to-elasticsearch.yaml} + {@code dead-letter.yaml}) on a topic, consumer group
 * and index of its own, for the cases that break the router or the broker under it.
 */
final class KafkaRoute {

    /**
     * A consumer that dies without leaving the group keeps its partitions until the broker gives up on its session
     * (45 s by default): shortened so a restarted router gets them back quickly.
     */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    final String topic;
    final String group;
    final String index;

    KafkaRoute(String name, KafkaTestClient kafka, int partitions) throws ExecutionException, InterruptedException {
        String id = name + "-" + UUID.randomUUID();
        this.topic = id;
        this.group = id;
        this.index = id;
        kafka.createTopic(topic, partitions);
    }

    RouterProcess router(String name, Path dir) throws IOException {
        return new RouterProcess(name, RoutesFolder.of(dir, "kafka-to-elasticsearch.yaml", "dead-letter.yaml"))
                .jvm("-Xmx512m", "-Dcamel.component.kafka.session-timeout-ms=" + SESSION_TIMEOUT.toMillis())
                .env("LOGROUTER_KAFKA_ENABLED", "true")
                .env("LOGROUTER_KAFKA_TOPICS", topic)
                .env("LOGROUTER_KAFKA_GROUP_ID", group)
                .env("LOGROUTER_KAFKA_SOURCE_INDEX", index)
                .env("LOGROUTER_DEAD_LETTER_TOPIC", topic + "-dead-letter");
    }
}
