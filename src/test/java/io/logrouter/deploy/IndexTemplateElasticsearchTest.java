package io.logrouter.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.it.ElasticsearchQueries;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The index template as Elasticsearch applies it (the local stack's server): installed under a name and index pattern
 * of this run only, it maps a router event's fields, searches them, and keeps event.original out of the index.
 */
class IndexTemplateElasticsearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final String name = "it-k8s-template-" + UUID.randomUUID();
    private final String index = name + "-files";

    @AfterEach
    void removeTemplateAndIndex() throws Exception {
        elasticsearch.send("DELETE", "/" + index + "?ignore_unavailable=true", null);
        elasticsearch.send("DELETE", "/_index_template/" + name, null);
    }

    @Test
    void mapsSearchesAndLeavesTheOriginalUnindexed() throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree(ProjectFiles.read(
                ProjectFiles.K8S.resolve("dashboards/elasticsearch-index-template.json")));
        template.putArray("index_patterns").add(name + "-*");
        elasticsearch.send("PUT", "/_index_template/" + name, template.toString());

        elasticsearch.send("PUT", "/" + index + "/_doc/1?refresh=true", """
                {"@timestamp": "2026-01-31T12:00:00.123Z", "message": "disk quota exceeded on volume data",
                 "log": {"level": "ERROR", "file": {"path": "/var/log/containers/api_shop_app-1.log"}, "offset": 42},
                 "kubernetes": {"namespace": "shop", "pod": {"name": "api"}, "container": {"name": "app"}},
                 "tags": ["parse_failure"], "error": {"type": "parse_failure", "message": "not JSON at 1"},
                 "event": {"original": "raw line that failed to parse"}, "order_id": "A-17"}
                """);

        JsonNode properties = elasticsearch.send("GET", "/" + index + "/_mapping", null)
                .path(index).path("mappings").path("properties");
        assertEquals("date", properties.path("@timestamp").path("type").asText());
        assertEquals("text", properties.path("message").path("type").asText());
        assertEquals("keyword", properties.path("log").path("properties").path("level").path("type").asText());
        assertEquals("long", properties.path("log").path("properties").path("offset").path("type").asText());
        assertEquals("keyword", properties.path("kubernetes").path("properties").path("pod").path("properties")
                .path("name").path("type").asText());
        assertEquals("keyword", properties.path("order_id").path("type").asText(), "other strings are keywords");

        assertEquals(1, hits("{\"query\": {\"match\": {\"message\": \"quota\"}}}"), "message is full-text");
        assertEquals(1, hits("{\"query\": {\"term\": {\"kubernetes.namespace\": \"shop\"}}}"));
        assertEquals(1, hits("{\"query\": {\"range\": {\"@timestamp\": {\"gte\": \"2026-01-31T12:00:00Z\"}}}}"));
        IOException refused = assertThrows(IOException.class,
                () -> hits("{\"query\": {\"term\": {\"event.original\": \"raw line that failed to parse\"}}}"));
        assertTrue(refused.getMessage().contains("not indexed"), refused.getMessage());
        assertEquals("raw line that failed to parse", elasticsearch.send("GET", "/" + index + "/_doc/1", null)
                .path("_source").path("event").path("original").asText(), "yet kept in _source");
    }

    private int hits(String query) throws IOException, InterruptedException {
        return elasticsearch.send("POST", "/" + index + "/_search", query).path("hits").path("total").path("value")
                .asInt();
    }
}
