package io.logrouter.sources.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualSyncCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommitFactory;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Builds the body a batching camel-kafka consumer hands to a route: one exchange per record, as camel-kafka sets it. */
final class KafkaRecords {

    private final CamelContext camel;
    private final Consumer<?, ?> consumer;
    private final List<Exchange> records = new ArrayList<>();

    KafkaRecords(CamelContext camel, Consumer<?, ?> consumer) {
        this.camel = camel;
        this.consumer = consumer;
    }

    KafkaRecords add(String topic, int partition, long offset, String key, byte[] value) {
        Exchange record = new DefaultExchange(camel);
        record.getMessage().setHeader(KafkaConstants.TOPIC, topic);
        record.getMessage().setHeader(KafkaConstants.PARTITION, partition);
        record.getMessage().setHeader(KafkaConstants.OFFSET, offset);
        record.getMessage().setHeader(KafkaConstants.KEY, key);
        record.getMessage().setHeader(KafkaConstants.MANUAL_COMMIT, new DefaultKafkaManualSyncCommit(
                new KafkaManualCommitFactory.CamelExchangePayload(record, consumer, "test", null),
                new KafkaManualCommitFactory.KafkaRecordPayload(new TopicPartition(topic, partition), offset, 10_000),
                null));
        record.getMessage().setBody(value);
        records.add(record);
        return this;
    }

    Exchange batch() {
        Exchange batch = new DefaultExchange(camel);
        batch.getMessage().setBody(records);
        return batch;
    }
}
