package io.logrouter.sources.kafka;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offsets a batch commits once it is delivered: for every partition it holds records of, the offset after its
 * last record. Camel's own {@code BatchManualCommit} commits only the partition of the batch's last record, while a
 * batch spans every partition the consumer polled, so all of them are committed here, in one synchronous request.
 *
 * <p>Partitions no longer assigned to this consumer (revoked by a rebalance while the batch was in flight) are left
 * alone: their new owner reads them again from the last committed offset, and the deterministic event ids make that
 * second write overwrite the first instead of duplicating it.
 */
public final class BatchOffsets {

    /** The exchange property the decoder puts them in and the committer takes them from. */
    public static final String PROPERTY = "logrouter.kafka.batchOffsets";

    private static final Logger LOG = LoggerFactory.getLogger(BatchOffsets.class);

    private final Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();
    private DefaultKafkaManualCommit handle;

    /** Adds a record of the batch; its handle also gives the consumer that polled it, the one to commit with. */
    void include(DefaultKafkaManualCommit commit) {
        nextOffsets.merge(commit.getPartition(), commit.getRecordOffset() + 1, Math::max);
        handle = commit;
    }

    Map<TopicPartition, Long> nextOffsets() {
        return nextOffsets;
    }

    /**
     * Commits synchronously, on the consumer's own thread (the route is synchronous end to end, and Kafka consumers
     * are single-threaded). A failed commit throws, which fails the exchange: the batch is then read again. Returns,
     * per committed partition, the records behind the commit: what the consumer knows of the log end (its position
     * plus its current lag, both local) minus the committed offset.
     */
    Map<TopicPartition, Long> commit() {
        if (handle == null) {
            return Map.of();
        }
        Consumer<?, ?> consumer = handle.getConsumer();
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        nextOffsets.forEach((partition, next) -> {
            if (assigned.contains(partition)) {
                offsets.put(partition, new OffsetAndMetadata(next));
            } else {
                LOG.info("Not committing offset {} of {}: the partition was revoked, its new owner reads it again",
                        next, partition);
            }
        });
        if (offsets.isEmpty()) {
            return Map.of();
        }
        consumer.commitSync(offsets, Duration.ofMillis(handle.getCommitTimeout()));
        Map<TopicPartition, Long> lags = new LinkedHashMap<>();
        offsets.forEach((partition, committed) -> {
            OptionalLong behindPosition = consumer.currentLag(partition);
            if (behindPosition.isPresent()) {
                lags.put(partition, consumer.position(partition) + behindPosition.getAsLong() - committed.offset());
            }
        });
        return lags;
    }
}
