package io.logrouter.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.it.ElasticsearchQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What the examples wrote to the local Elasticsearch, read back by index pattern; removed again after the test. */
final class IndexedDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries(ExampleRoutes.ELASTICSEARCH);

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

    int count(String pattern) throws IOException, InterruptedException {
        return all(pattern).size();
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

    /** Deletes the indices matching {@code pattern} one by one: wildcard deletes are refused by default. */
    void delete(String pattern) throws IOException, InterruptedException {
        JsonNode indices = elasticsearch.send("GET", "/_cat/indices/" + pattern + "?format=json&h=index", null);
        for (JsonNode index : indices) {
            elasticsearch.send("DELETE", "/" + index.get("index").asText(), null);
        }
    }
}
