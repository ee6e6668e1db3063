package io.logrouter.sources.kafka;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventId;
import io.logrouter.event.LogEvent;
import io.logrouter.sources.SettledBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;

/**
 * Turns the body of a batching Kafka consumer (one exchange per record) into one {@link EventBatch}: each record's
 * value becomes an event's {@code message}, with its topic, partition and offset under {@code kafka.*} (Filebeat's
 * names) and an id derived from that position, so a record read twice is written twice under the same id.
 *
 * <p>The value is decoded as UTF-8 with replacement characters for invalid bytes: a bad record is kept, never lost.
 * Records without a value (compaction tombstones) carry no log line and make no event; their offsets are still
 * committed with the batch, taken with the other offsets into {@link BatchOffsets} for the committer.
 */
public class KafkaBatchDecoder implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        List<?> records = exchange.getMessage().getMandatoryBody(List.class);
        EventBatch batch = new EventBatch(new ArrayList<>(records.size()));
        BatchOffsets offsets = new BatchOffsets();
        for (Object item : records) {
            Message record = ((Exchange) item).getMessage();
            String topic = record.getHeader(KafkaConstants.TOPIC, String.class);
            int partition = record.getHeader(KafkaConstants.PARTITION, Integer.class);
            long offset = record.getHeader(KafkaConstants.OFFSET, Long.class);
            DefaultKafkaManualCommit commit = record.getHeader(KafkaConstants.MANUAL_COMMIT,
                    DefaultKafkaManualCommit.class);
            if (commit == null) {
                throw new IllegalStateException("Kafka record without a manual commit handle: the kafka: endpoint"
                        + " needs allowManualCommit=true and autoCommitEnable=false");
            }
            offsets.include(commit);
            byte[] value = record.getBody(byte[].class);
            if (value != null) {
                batch.add(event(topic, partition, offset, record.getHeader(KafkaConstants.KEY, String.class), value));
            }
        }
        exchange.setProperty(BatchOffsets.PROPERTY, offsets);
        SettledBatch.track(exchange, "kafka", batch);
        exchange.getMessage().setBody(batch);
    }

    private static LogEvent event(String topic, int partition, long offset, String key, byte[] value) {
        LogEvent event = LogEvent.ofMessage(EventId.ofPosition(topic + "-" + partition, offset),
                new String(value, StandardCharsets.UTF_8));
        event.put("kafka.topic", topic);
        event.put("kafka.partition", JsonNodeFactory.instance.numberNode(partition));
        event.put("kafka.offset", JsonNodeFactory.instance.numberNode(offset));
        if (key != null) {
            event.put("kafka.key", key);
        }
        return event;
    }
}
