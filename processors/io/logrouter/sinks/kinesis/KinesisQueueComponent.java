package io.logrouter.sinks.kinesis;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code kinesis-queue:} sink; each endpoint's options are {@link KinesisQueueConfiguration}'s. */
@Component("kinesis-queue")
public class KinesisQueueComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("kinesis-queue: the stream name is required: kinesis-queue:<stream>");
        }
        KinesisQueueConfiguration configuration = new KinesisQueueConfiguration();
        setProperties(configuration, parameters);
        KinesisQueueEndpoint endpoint = new KinesisQueueEndpoint(uri, this, remaining, configuration);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
