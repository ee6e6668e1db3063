package io.logrouter.examples;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.it.ElasticsearchQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What an example wrote to the local Elasticsearch, read back by index pattern. The test's indices share a prefix
 * unique to the run, and are deleted after each test.
 */
final class IndexedDocuments implements AfterEachCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(ExampleRoutes.ELASTICSEARCH);
    private final String prefix;

    IndexedDocuments(String name) {
        prefix = name + "-" + UUID.randomUUID();
    }

    /** The run's index name prefix, for the example's index setting; every index starting with it is deleted. */
    String prefix() {
        return prefix;
    }

    @Override
    public void afterEach(ExtensionContext test) throws IOException, InterruptedException {
        JsonNode indices = elasticsearch.send("GET", "/_cat/indices/" + prefix + "*?format=json&h=index", null);
        // one by one: wildcard deletes are refused by default
        for (JsonNode index : indices) {
            elasticsearch.send("DELETE", "/" + index.get("index").asText(), null);
        }
    }

    /** The sources of every document in the indices matching {@code pattern}, each with its _id and _index. */
    List<ObjectNode> all(String pattern) throws IOException, InterruptedException {
        elasticsearch.send("POST", "/" + pattern + "/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
        ObjectNode query = JSON.createObjectNode();
        query.put("size", 10_000);
        query.putObject("query").putObject("match_all");
        JsonNode response = elasticsearch.send("POST",
                "/" + pattern + "/_search?ignore_unavailable=true&allow_no_indices=true", query.toString());
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode hit : response.path("hits").path("hits")) {
            ObjectNode source = (ObjectNode) hit.get("_source");
            source.put("_id", hit.get("_id").asText());
            source.put("_index", hit.get("_index").asText());
            documents.add(source);
        }
        return documents;
    }

    /**
     * Waits until the indices matching {@code pattern} hold {@code expected} documents, then a little longer, within
     * which a duplicate or a stray event would show up (the batch linger plus the refresh). A new index answers 503
     * until its shard is allocated, so errors count as not there yet.
     */
    void awaitCount(String pattern, int expected) throws InterruptedException {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> all(pattern).size() >= expected);
        Thread.sleep(1_500);
    }

    /** The mapped type of {@code field} (a dotted path) in the indices matching {@code pattern}. */
    String mappedType(String pattern, String field) throws IOException, InterruptedException {
        JsonNode mappings = elasticsearch.send("GET", "/" + pattern + "/_mapping/field/" + field, null);
        for (JsonNode index : mappings) {
            JsonNode mapping = index.path("mappings").path(field).path("mapping");
            for (JsonNode leaf : mapping) {
                return leaf.path("type").asText();
            }
        }
        return null;
    }
}
