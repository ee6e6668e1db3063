package io.logrouter.sources.tail;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/** Tails log files the way Filebeat or Fluent Bit do, delivering their lines as event batches. Consumer only. */
@UriEndpoint(firstVersion = "0.1.0", scheme = "tail", title = "Tail", syntax = "tail:name", consumerOnly = true, remote = false,
        category = { Category.FILE, Category.MONITORING })
public class TailEndpoint extends DefaultEndpoint {

    @UriPath(description = "A name for this source, used for its thread")
    @Metadata(required = true)
    private final String name;

    @UriParam
    private final TailConfiguration configuration;

    public TailEndpoint(String uri, TailComponent component, String name, TailConfiguration configuration) {
        super(uri, component);
        this.name = name;
        this.configuration = configuration;
    }

    public String getName() {
        return name;
    }

    public TailConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("tail: endpoints only consume; nothing can be sent to " + getEndpointUri());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        TailConsumer consumer = new TailConsumer(this, processor, configuration);
        configureConsumer(consumer);
        return consumer;
    }
}
