package io.logrouter.examples;

import io.logrouter.sinks.elasticsearch.ElasticsearchBulkComponent;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.RoutesLoader;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Route files loaded into a plain Camel context the way the router loads routes/*.yaml: the project's components
 * found through their META-INF/services entries and pointed at the local stack, application.properties read through
 * camel-microprofile-config, and the test's own values for the files' placeholders, set before loading, since beans
 * are created while a file is read.
 */
final class ExampleRoutes implements AutoCloseable {

    static final String ELASTICSEARCH = System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
    static final String KAFKA = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");

    private final CamelContext context;

    private ExampleRoutes(CamelContext context) {
        this.context = context;
    }

    /**
     * Loads the example with routes/dead-letter.yaml, which the router always runs and every sink sends to, writing
     * to a topic of its own.
     *
     * @param example a path from the project root, such as routes/examples/kafka-aggregator.yaml
     */
    static ExampleRoutes start(String example, Map<String, String> properties) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Properties overrides = new Properties();
        overrides.setProperty("logrouter.dead-letter.topic", "it-example-dead-letter-" + UUID.randomUUID());
        overrides.putAll(properties);
        // overrides, not initial properties: camel-microprofile-config on the classpath reads application.properties,
        // whose values would win over initial ones (the dead-letter topic, the Kafka source's timings)
        context.getPropertiesComponent().setOverrideProperties(overrides);
        context.getComponent("elasticsearch-bulk", ElasticsearchBulkComponent.class).setHosts(ELASTICSEARCH);
        context.getComponent("kafka", KafkaComponent.class).getConfiguration().setBrokers(KAFKA);
        RoutesLoader loader = PluginHelper.getRoutesLoader(context);
        for (String file : List.of("routes/dead-letter.yaml", example)) {
            loader.loadRoutes(ResourceHelper.resolveMandatoryResource(context, "file:" + file));
        }
        context.start();
        return new ExampleRoutes(context);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getRegistry().lookupByNameAndType(name, type);
    }

    @Override
    public void close() {
        context.stop();
    }
}
