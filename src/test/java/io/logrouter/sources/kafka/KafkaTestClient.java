package io.logrouter.sources.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The local stack's Kafka seen from outside the router: kcat to produce, the admin client to read offsets. */
public final class KafkaTestClient implements AutoCloseable {

    public static final String BROKERS = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    private final Admin admin = Admin.create(Map.of("bootstrap.servers", BROKERS));

    public void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }

    /** A topic with topic-level settings, {@code max.message.bytes} say. */
    public void createTopic(String topic, int partitions, Map<String, String> configs)
            throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get();
    }

    /** One topic-level setting as the broker reports it. */
    public String topicConfig(String topic, String name) throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
    }

    /** Creates {@code topic} (with the broker's default partitions) unless another run already did. */
    public void ensureTopic(String topic) throws InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic, e.getCause());
            }
        }
    }

    /** One record per line, with kcat, as a shipper would write them; the lines are raw bytes. */
    public static void produce(String topic, byte[] lines) throws IOException, InterruptedException {
        Process kcat = new ProcessBuilder("kcat", "-P", "-b", BROKERS, "-t", topic)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = kcat.getOutputStream()) {
            in.write(lines);
        }
        if (!kcat.waitFor(30, TimeUnit.SECONDS) || kcat.exitValue() != 0) {
            throw new IOException("kcat did not produce to " + topic);
        }
    }

    public static void produce(String topic, List<String> lines) throws IOException, InterruptedException {
        produce(topic, lines.stream().collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8));
    }

    /** The next offset of every partition of {@code topic}. */
    public Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** What {@code group} committed for {@code topic}, partitions without a commit left out. */
    public Map<TopicPartition, Long> committedOffsets(String group, String topic)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> committed = new HashMap<>();
        all.forEach((partition, offset) -> {
            if (partition.topic().equals(topic) && offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** The committed offsets equal the end offsets on every partition: the group has nothing left to deliver. */
    public boolean caughtUp(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        ends.values().removeIf(end -> end == 0);
        return committedOffsets(group, topic).equals(ends);
    }

    /** The records of {@code topic} from {@code from} (per partition) on that contain {@code marker}. */
    public static List<String> read(String topic, Map<TopicPartition, Long> from, String marker, int expected,
            Duration timeout) {
        Properties config = new Properties();
        config.put("bootstrap.servers", BROKERS);
        config.put("key.deserializer", StringDeserializer.class.getName());
        config.put("value.deserializer", StringDeserializer.class.getName());
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().contains(marker)) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
