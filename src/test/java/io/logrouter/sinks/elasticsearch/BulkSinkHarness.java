package io.logrouter.sinks.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.it.ElasticsearchQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A Camel context with one route into an {@code elasticsearch-bulk} endpoint on a real server, and a dead-letter
 * route that keeps the envelopes it receives, as the Kafka dead-letter route would publish them.
 */
final class BulkSinkHarness implements AutoCloseable {

    /** The servers every sink test runs against: the local stack's Elasticsearch and OpenSearch. */
    static Stream<String> servers() {
        return Stream.of(System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200"),
                System.getenv().getOrDefault("OPENSEARCH_URL", "http://127.0.0.1:9201"));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Each document of {@code index} (up to 10,000), id to version: how often it was written. */
    static Map<String, Long> versionsById(String server, String index) throws IOException, InterruptedException {
        ElasticsearchQueries search = new ElasticsearchQueries(server);
        search.send("POST", "/" + index + "/_refresh", null);
        JsonNode hits = search.send("POST", "/" + index + "/_search",
                "{\"size\":10000,\"_source\":false,\"version\":true,\"query\":{\"match_all\":{}}}")
                .path("hits").path("hits");
        Map<String, Long> versions = new TreeMap<>();
        for (JsonNode hit : hits) {
            versions.put(hit.path("_id").asText(), hit.path("_version").asLong());
        }
        return versions;
    }

    /** Removes what a test wrote: the shared servers outlive every test run. */
    static void deleteIndices(String server, String pattern) throws IOException, InterruptedException {
        new ElasticsearchQueries(server).send("DELETE", "/" + pattern + "?ignore_unavailable=true", null);
    }

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final List<LogEvent> deadLetters = Collections.synchronizedList(new ArrayList<>());
    private final ProducerTemplate producer;
    private final String uri;

    BulkSinkHarness(String hosts, String options) throws Exception {
        this(hosts, options, component -> { });
    }

    BulkSinkHarness(String hosts, String options, Consumer<ElasticsearchBulkComponent> settings) throws Exception {
        ElasticsearchBulkComponent component = new ElasticsearchBulkComponent();
        component.setHosts(hosts);
        settings.accept(component);
        camel.addComponent("elasticsearch-bulk", component);
        uri = "elasticsearch-bulk:it?deadLetterUri=direct:captured-dead-letters&" + options;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("it-elasticsearch").to(uri);
                from("direct:captured-dead-letters")
                        .process(e -> {
                            EventBatch envelopes = e.getMessage().getBody(EventBatch.class);
                            deadLetters.addAll(envelopes.events());
                            envelopes.settle(envelopes); // as the Kafka dead-letter route does once published
                        });
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    /** Sends one batch as a source would and returns the exchange, failed or not. */
    Exchange send(List<LogEvent> events) {
        return producer.send("direct:in", exchange -> exchange.getMessage().setBody(new EventBatch(events)));
    }

    List<LogEvent> deadLetters() {
        return deadLetters;
    }

    /** The most bulk requests that awaited an answer at once. */
    int peakInFlight() {
        return camel.getEndpoint(uri, ElasticsearchBulkEndpoint.class).inFlight().peak();
    }

    @Override
    public void close() {
        camel.stop();
    }
}
