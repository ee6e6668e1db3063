package io.logrouter.sinks.kafka;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventEnvelope;
import io.logrouter.event.LogEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * The node agent's leg to a queue: each event of the batch becomes one Kafka record, an {@link EventEnvelope} (so the
 * aggregator keeps the event's id), keyed by a field such as {@code service.name} so one service's events stay in
 * order on one partition. The Kafka producer sends a list of messages as one record each, with each message's key
 * ({@code batchWithIndividualHeaders=true}), and completes the exchange only when the broker acknowledged them all;
 * {@link KafkaRecordsSettled}, the step after the producer, then settles the batch.
 */
public class KafkaQueueRecords implements Processor {

    private String keyField = "service.name";

    @Override
    public void process(Exchange exchange) throws Exception {
        EventBatch batch = exchange.getMessage().getMandatoryBody(EventBatch.class);
        List<Message> records = new ArrayList<>(batch.size());
        for (LogEvent event : batch) {
            Message record = new DefaultMessage(exchange);
            record.setBody(EventEnvelope.wrap(event).toString());
            String key = event.text(keyField);
            if (key != null) {
                record.setHeader(KafkaConstants.KEY, key);
            }
            records.add(record);
        }
        KafkaRecordsSettled.remember(exchange, batch);
        exchange.getMessage().setBody(records);
    }

    public String getKeyField() {
        return keyField;
    }

    /** The field whose value keys the records; events without it are spread over the partitions. */
    public void setKeyField(String keyField) {
        this.keyField = keyField;
    }
}
