package io.logrouter.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A Quarkus test resource: the router reaches the local stack's Elasticsearch through a {@link TcpProxy} that a test
 * closes and reopens, so the shared server itself keeps running.
 */
public class ElasticsearchProxy implements QuarkusTestResourceLifecycleManager {

    public static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = TcpProxy.to(System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("camel.component.elasticsearch-bulk.hosts", proxy.url("http"));
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
