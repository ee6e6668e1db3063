package io.logrouter.sinks.elasticsearch;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** A bulk-writing target: an index template and its retry and dead-letter policy. Producer only. */
public class ElasticsearchBulkEndpoint extends DefaultEndpoint {

    private final ElasticsearchBulkConfiguration configuration;

    public ElasticsearchBulkEndpoint(String uri, ElasticsearchBulkComponent component,
            ElasticsearchBulkConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() {
        return new ElasticsearchBulkProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("elasticsearch-bulk is a sink; it cannot be consumed from");
    }

    @Override
    public ElasticsearchBulkComponent getComponent() {
        return (ElasticsearchBulkComponent) super.getComponent();
    }

    public ElasticsearchBulkConfiguration getConfiguration() {
        return configuration;
    }
}
