package io.logrouter.transforms.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.sinks.elasticsearch.ElasticsearchBulkComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's case: log4j2's EcsLayout (and the ecs-logging libraries, zap's and pino's ECS encoders) write
 * {@code {"log.level":"ERROR"}} flat. Through the level normalizer and a routing rule on {@code log.level}, such an
 * event must be routed by the normalized value, and its Elasticsearch document must hold one {@code log.level}. Both
 * ways such events arrive are covered: built by a source from a JSON document ({@code /ingest/json}: the expander
 * step) and parsed from a line ({@code /ingest/ndjson}, a tailed file: the JSON parser).
 */
class EcsLevelRoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ES = System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String alerts = "it-ecs-alerts-" + run;
    private final String services = "it-ecs-services-" + run;
    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(ES);
    private CamelContext context;

    private String route() {
        String router = """
                - name: router
                  type: io.logrouter.transforms.router.ContentRouter
                  properties:
                    rules: |
                      log.level in error,fatal -> elasticsearch-bulk:alerts?index=%s
                    defaultDestination: elasticsearch-bulk:services?index=%s
                """.formatted(alerts, services);
        return """
                - beans:
                    - name: expandKeys
                      type: io.logrouter.transforms.normalize.DottedKeyExpander
                    - name: parseJson
                      type: io.logrouter.transforms.parse.JsonParser
                    - name: levels
                      type: io.logrouter.transforms.normalize.LevelNormalizer
                %s
                - route:
                    id: ecs-json-document
                    from:
                      uri: direct:json-document
                      steps:
                        - process: {ref: expandKeys}
                        - process: {ref: levels}
                        - process: {ref: router}
                - route:
                    id: ecs-json-line
                    from:
                      uri: direct:json-line
                      steps:
                        - process: {ref: parseJson}
                        - process: {ref: levels}
                        - process: {ref: router}
                """.formatted(router.indent(4).stripTrailing());
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        elasticsearch.send("DELETE", "/it-ecs-*-" + run + "?ignore_unavailable=true", null);
    }

    private static String ecsDocument(String level, String text) {
        return "{\"@timestamp\":\"2026-11-24T10:00:00.000Z\",\"log.level\":\"" + level + "\",\"message\":\"" + text
                + "\",\"ecs.version\":\"1.2.0\",\"service.name\":\"checkout\",\"log.logger\":\"com.shop.Pay\","
                + "\"process.thread.name\":\"main\"}";
    }

    @Test
    void flatEcsLevelIsRoutedByTheNormalizedValueAndIndexedOnce() throws Exception {
        context = new DefaultCamelContext();
        ElasticsearchBulkComponent bulk = new ElasticsearchBulkComponent();
        bulk.setHosts(ES);
        context.addComponent("elasticsearch-bulk", bulk);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("ecs.yaml", route()));
        context.start();

        // as the HTTP source builds events from /ingest/json: the document's fields, dotted keys as they came
        List<LogEvent> documents = List.of(
                new LogEvent("doc-error", (ObjectNode) JSON.readTree(ecsDocument("ERROR", "payment failed"))),
                new LogEvent("doc-info", (ObjectNode) JSON.readTree(ecsDocument("INFO", "payment accepted"))));
        // as a tail or /ingest/ndjson hands a line to the JSON parser
        List<LogEvent> lines = List.of(
                LogEvent.ofMessage("line-fatal", ecsDocument("FATAL", "vault sealed")),
                LogEvent.ofMessage("line-warn", ecsDocument("WARN", "slow query")));
        context.createProducerTemplate().sendBody("direct:json-document", new EventBatch(new ArrayList<>(documents)));
        context.createProducerTemplate().sendBody("direct:json-line", new EventBatch(new ArrayList<>(lines)));

        Map<String, JsonNode> alerted = sources(alerts);
        Map<String, JsonNode> rest = sources(services);
        assertEquals(List.of("doc-error", "line-fatal"), List.copyOf(alerted.keySet()));
        assertEquals(List.of("doc-info", "line-warn"), List.copyOf(rest.keySet()));
        assertEquals("error", alerted.get("doc-error").path("log").path("level").asText());
        assertEquals("fatal", alerted.get("line-fatal").path("log").path("level").asText());
        assertEquals("info", rest.get("doc-info").path("log").path("level").asText());
        assertEquals("warn", rest.get("line-warn").path("log").path("level").asText());
        for (Map<String, JsonNode> index : List.of(alerted, rest)) {
            for (JsonNode source : index.values()) {
                assertFalse(source.has("log.level"), "one log.level, not a flat twin: " + source);
                assertTrue(source.path("log").path("level").isTextual(), "a single value: " + source);
                assertEquals("com.shop.Pay", source.path("log").path("logger").asText());
                assertEquals("checkout", source.path("service").path("name").asText());
            }
        }
        // Elasticsearch agrees: the field has one value per document, and a term query on it finds the errors
        JsonNode found = elasticsearch.send("POST", "/" + alerts + "/_search",
                "{\"query\":{\"term\":{\"log.level\":\"error\"}},\"fields\":[\"log.level\"],\"_source\":false}");
        JsonNode hits = found.path("hits").path("hits");
        assertEquals(1, hits.size(), found.toString());
        assertEquals("[\"error\"]", hits.get(0).path("fields").path("log.level").toString());
    }

    /** The documents of {@code index}, by id, as stored. */
    private Map<String, JsonNode> sources(String index) throws Exception {
        elasticsearch.send("POST", "/" + index + "/_refresh", null);
        JsonNode hits = elasticsearch.send("POST", "/" + index + "/_search", "{\"size\":100}").path("hits").path("hits");
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode hit : hits) {
            byId.put(hit.path("_id").asText(), hit.path("_source"));
        }
        return byId;
    }
}
