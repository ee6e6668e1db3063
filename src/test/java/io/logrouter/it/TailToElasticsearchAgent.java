package io.logrouter.it;

import io.logrouter.transforms.parse.JsonParser;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The file-tail pipeline of the default route (tail, JSON parse, Elasticsearch bulk) in a process of its own, so a
 * test can kill it with SIGKILL. Arguments: the tail: URI and the elasticsearch-bulk: URI. Runs until killed.
 */
public final class TailToElasticsearchAgent {

    private TailToElasticsearchAgent() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().addOverrideProperty("camel.component.elasticsearch-bulk.hosts",
                System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(args[0]).process(new JsonParser()).to(args[1]);
            }
        });
        context.start();
        Thread.currentThread().join();
    }
}
