package io.logrouter.sinks.kafka;

import io.logrouter.event.EventBatch;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The step right after a {@code kafka:} producer fed by {@link KafkaQueueRecords} or the dead-letter records: reaching
 * it means the producer returned without an exception, i.e. with the broker's acknowledgement of every record
 * ({@code requestRequiredAcks=all}), so it settles the batch's events; the body is the batch again afterwards. Camel's
 * producer knows nothing of batches, so without this step nothing it sent counts as settled and the source does not
 * acknowledge; a failed send never reaches it, whatever the route's error handling does with the failure.
 */
public final class KafkaRecordsSettled implements Processor {

    /** The exchange property the records' processor keeps the batch in while the body holds the records. */
    public static final String BATCH = "logrouter.kafka.recordsOf";

    /** Called by the processor that turns the batch into records, before the body is replaced. */
    public static void remember(Exchange exchange, EventBatch batch) {
        exchange.setProperty(BATCH, batch);
    }

    @Override
    public void process(Exchange exchange) {
        EventBatch batch = exchange.getProperty(BATCH, EventBatch.class);
        if (batch == null) {
            throw new IllegalStateException("No batch to settle: this step must follow a kafka: producer fed by"
                    + " KafkaQueueRecords or DeadLetterRecords");
        }
        batch.settle(batch);
        exchange.removeProperty(BATCH);
        exchange.getMessage().setBody(batch);
    }
}
