package io.logrouter.sinks.deadletter;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.sinks.kafka.KafkaRecordsSettled;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Turns a batch of dead-letter envelopes into one JSON string per event: the Kafka producer sends an iterable body as
 * one record per element and acknowledges the exchange only when the broker has them all; {@link KafkaRecordsSettled}
 * after it settles the envelopes, and with them the events they stand in for.
 */
public final class DeadLetterRecords implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        EventBatch batch = exchange.getMessage().getMandatoryBody(EventBatch.class);
        List<String> records = new ArrayList<>(batch.size());
        for (LogEvent event : batch) {
            records.add(event.fields().toString());
        }
        KafkaRecordsSettled.remember(exchange, batch);
        exchange.getMessage().setBody(records);
    }
}
