package io.logrouter.sources.kinesis;

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
 * Reads every shard of a Kinesis stream with the Kinesis Client Library, delivering each GetRecords result of a
 * shard as one event batch and checkpointing it in DynamoDB only once the route delivered it. Consumer only.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kinesis-kcl", title = "Kinesis (KCL)", syntax = "kinesis-kcl:streamName",
        consumerOnly = true, category = { Category.CLOUD, Category.MESSAGING })
public class KinesisKclEndpoint extends DefaultEndpoint {

    @UriPath(description = "The Kinesis stream to read")
    @Metadata(required = true)
    private final String streamName;

    @UriParam
    private final KinesisKclConfiguration configuration;

    public KinesisKclEndpoint(String uri, KinesisKclComponent component, String streamName,
            KinesisKclConfiguration configuration) {
        super(uri, component);
        this.streamName = streamName;
        this.configuration = configuration;
    }

    public String getStreamName() {
        return streamName;
    }

    public KinesisKclConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(
                "kinesis-kcl: endpoints only consume; nothing can be sent to " + getEndpointUri());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        KinesisKclConsumer consumer = new KinesisKclConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }
}
