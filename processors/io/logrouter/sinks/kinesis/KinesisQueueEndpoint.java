package io.logrouter.sinks.kinesis;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Puts each event of a batch into a Kinesis stream as one record (its {@link io.logrouter.event.EventEnvelope}),
 * keyed by a field, and completes the exchange only once Kinesis accepted every record. Producer only.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kinesis-queue", title = "Kinesis queue", syntax = "kinesis-queue:streamName",
        producerOnly = true, category = { Category.CLOUD, Category.MESSAGING })
public class KinesisQueueEndpoint extends DefaultEndpoint {

    @UriPath(description = "The Kinesis stream to put the events into")
    @Metadata(required = true)
    private final String streamName;

    @UriParam
    private final KinesisQueueConfiguration configuration;

    public KinesisQueueEndpoint(String uri, KinesisQueueComponent component, String streamName,
            KinesisQueueConfiguration configuration) {
        super(uri, component);
        this.streamName = streamName;
        this.configuration = configuration;
    }

    public String getStreamName() {
        return streamName;
    }

    public KinesisQueueConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public Producer createProducer() {
        return new KinesisQueueProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(
                "kinesis-queue: is a sink; read a stream with kinesis-kcl: instead of " + getEndpointUri());
    }
}
