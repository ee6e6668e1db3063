import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Asks Kafka itself (the Admin API calls of kafka-consumer-groups.sh) until a consumer group has committed every
 * record of a topic, and says so on stdout the moment it sees it: bench/pipeline ends a Kafka run on that line.
 * Run from source with Kafka's jars: java -cp 'libs/*' CommittedOffsetsWatch.java BOOTSTRAP GROUP TOPIC TIMEOUT_S
 * Prints "ready" once connected, then "committed <sum>" when the committed offsets equal the end offsets of every
 * partition (and at least one record was committed), or "timeout <committed> <end>" at the deadline.
 */
public class CommittedOffsetsWatch {

    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        String group = args[1];
        String topic = args[2];
        long deadline = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        try (Admin admin = Admin.create(config)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            long end = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            System.out.println("ready " + end);
            long committed = 0;
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                committed = partitions.stream().map(offsets::get)
                        .mapToLong(o -> o == null ? 0 : o.offset()).sum();
                if (committed > 0 && committed == end) {
                    System.out.println("committed " + committed);
                    return;
                }
                Thread.sleep(100);
            }
            System.out.println("timeout " + committed + " " + end);
        }
    }
}
