package io.logrouter.sources;

import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.it.TcpProxy;
import io.logrouter.sinks.elasticsearch.ElasticsearchBulkComponent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * A routes file (a test resource) run in a Camel context of its own, whose {@code elasticsearch-bulk} sink reaches
 * the real Elasticsearch through a proxy that is closed at start (the sink is down: connections refused) until
 * {@link #sinkBack()}. The shared server itself keeps running.
 */
public final class SinkDownRoutes implements AutoCloseable {

    public static final String ELASTICSEARCH = System.getenv().getOrDefault("ELASTICSEARCH_URL",
            "http://127.0.0.1:9200");

    private final TcpProxy proxy;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DefaultCamelContext camel = new DefaultCamelContext();

    /** @param properties the file's placeholders */
    public SinkDownRoutes(String resource, Map<String, String> properties) throws Exception {
        proxy = TcpProxy.to(ELASTICSEARCH);
        proxy.close();
        Metrics.addRegistry(meters);
        Properties placeholders = new Properties();
        placeholders.putAll(properties);
        camel.getPropertiesComponent().setOverrideProperties(placeholders);
        ElasticsearchBulkComponent elasticsearch = new ElasticsearchBulkComponent();
        elasticsearch.setHosts(proxy.url("http"));
        camel.addComponent("elasticsearch-bulk", elasticsearch);
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "classpath:" + resource));
        camel.start();
    }

    /** Elasticsearch answers again. */
    public void sinkBack() throws IOException {
        proxy.reopen();
    }

    /** Events of the route's batches its source did not acknowledge so far. */
    public double refusedEvents(String routeId) {
        return meters.find("logrouter.source.events").tags("route", routeId, "outcome", "refused").counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    /** The {@code seq} field of every document in {@code index}, as often as it is there. */
    public static List<Integer> seqs(String index) throws IOException, InterruptedException {
        ElasticsearchQueries search = new ElasticsearchQueries(ELASTICSEARCH);
        search.send("POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
        JsonNode hits = search.send("POST", "/" + index + "/_search?ignore_unavailable=true",
                "{\"size\":10000,\"_source\":[\"seq\"]}").path("hits").path("hits");
        List<Integer> seqs = new ArrayList<>();
        hits.forEach(hit -> seqs.add(hit.path("_source").path("seq").asInt(-1)));
        seqs.sort(null);
        return seqs;
    }

    public static void deleteIndex(String index) throws IOException, InterruptedException {
        new ElasticsearchQueries(ELASTICSEARCH).send("DELETE", "/" + index + "?ignore_unavailable=true", null);
    }

    @Override
    public void close() throws IOException {
        camel.stop();
        Metrics.removeRegistry(meters);
        proxy.close();
    }
}
