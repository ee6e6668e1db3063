package io.logrouter.sinks.elasticsearch;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** A bulk-writing target: an index template and its retry and dead-letter policy. Producer only. */
public class ElasticsearchBulkEndpoint extends DefaultEndpoint {

    private final String name;
    private final ElasticsearchBulkConfiguration configuration;
    private final InFlightRequests inFlight;

    public ElasticsearchBulkEndpoint(String uri, ElasticsearchBulkComponent component, String name,
            ElasticsearchBulkConfiguration configuration) {
        super(uri, component);
        this.name = name;
        this.configuration = configuration;
        this.inFlight = new InFlightRequests(configuration.getMaxInFlight());
    }

    /** The path of the URI, {@code files} in {@code elasticsearch-bulk:files}: names the target in metrics. */
    public String getName() {
        return name;
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

    InFlightRequests inFlight() {
        return inFlight;
    }
}
