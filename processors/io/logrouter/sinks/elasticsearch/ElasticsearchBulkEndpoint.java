package io.logrouter.sinks.elasticsearch;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Writes event batches to Elasticsearch or OpenSearch with the _bulk API, retrying what the cluster refuses for now
 * and dead-lettering what it refuses for good. Producer only.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "elasticsearch-bulk", title = "Elasticsearch bulk",
        syntax = "elasticsearch-bulk:name", producerOnly = true, category = { Category.SEARCH, Category.MONITORING })
public class ElasticsearchBulkEndpoint extends DefaultEndpoint {

    @UriPath(description = "Names the target in metrics, files in elasticsearch-bulk:files")
    private final String name;
    @UriParam
    private final ElasticsearchBulkConfiguration configuration;
    private final InFlightRequests inFlight;

    public ElasticsearchBulkEndpoint(String uri, ElasticsearchBulkComponent component, String name,
            ElasticsearchBulkConfiguration configuration) {
        super(uri, component);
        this.name = name;
        this.configuration = configuration;
        this.inFlight = new InFlightRequests(configuration.getMaxInFlight());
    }

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
