package io.logrouter.sources.kafka;

import io.logrouter.sources.SourceLag;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last step of a Kafka route: placed after the sinks, it runs only when every event of the batch is written or
 * dead-lettered, and commits the batch's offsets then. If a sink fails, this step never runs, nothing is committed,
 * and the consumer (with {@code breakOnFirstError=true}) reconnects and reads again from the last committed offsets.
 */
public class KafkaOffsetCommitter implements Processor {

    @Override
    public void process(Exchange exchange) {
        BatchOffsets offsets = exchange.getProperty(BatchOffsets.PROPERTY, BatchOffsets.class);
        if (offsets == null) {
            throw new IllegalStateException("No Kafka offsets on the exchange: the route must start with the"
                    + " kafka batch decoder");
        }
        offsets.commit().forEach((partition, lag) ->
                SourceLag.records("kafka", exchange.getFromRouteId(), partition.toString(), lag));
    }
}
