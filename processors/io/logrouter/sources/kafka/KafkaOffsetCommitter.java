package io.logrouter.sources.kafka;

import io.logrouter.sources.SettledBatch;
import io.logrouter.sources.SourceLag;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The last step of a Kafka route: placed after the sinks, it commits the batch's offsets only when the sinks settled
 * every event ({@link SettledBatch}). If a sink fails, this step never runs or throws, nothing is committed, and the
 * exchange fails, even when the route handled the failure (the batch is refused at the end of the route): the consumer
 * (with {@code breakOnFirstError=true}) reconnects and reads again from the last committed offsets.
 */
public class KafkaOffsetCommitter implements Processor {

    @Override
    public void process(Exchange exchange) {
        SettledBatch.requireSettled(exchange);
        BatchOffsets offsets = exchange.getProperty(BatchOffsets.PROPERTY, BatchOffsets.class);
        if (offsets == null) {
            throw new IllegalStateException("No Kafka offsets on the exchange: the route must start with the"
                    + " kafka batch decoder");
        }
        offsets.commit().forEach((partition, lag) ->
                SourceLag.records("kafka", exchange.getFromRouteId(), partition.toString(), lag));
    }
}
