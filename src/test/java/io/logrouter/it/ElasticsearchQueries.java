package io.logrouter.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Reads back what the router wrote, from the real Elasticsearch of the local stack. */
public final class ElasticsearchQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    public ElasticsearchQueries() {
        this(System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200"));
    }

    public ElasticsearchQueries(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Every document of {@code index} with {@code value} in one of {@code fields}, after a refresh. */
    public List<JsonNode> search(String index, String value, String... fields) throws IOException, InterruptedException {
        send("POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
        var query = JSON.createObjectNode();
        query.put("size", 10_000);
        var multiMatch = query.putObject("query").putObject("multi_match");
        multiMatch.put("query", value);
        multiMatch.put("type", "phrase");
        var fieldArray = multiMatch.putArray("fields");
        for (String field : fields) {
            fieldArray.add(field);
        }
        JsonNode response = send("POST", "/" + index + "/_search?ignore_unavailable=true", query.toString());
        List<JsonNode> documents = new ArrayList<>();
        for (JsonNode hit : response.path("hits").path("hits")) {
            documents.add(hit);
        }
        return documents;
    }

    /** How many documents {@code index} holds, after a refresh; 0 while it does not exist. */
    public long count(String index) throws IOException, InterruptedException {
        send("POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
        return send("GET", "/" + index + "/_count?ignore_unavailable=true", null).path("count").asLong();
    }

    public JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        // a search right after the router created the index can come before its shard started
        for (int retry = 0; response.statusCode() == 503 && retry < 20; retry++) {
            Thread.sleep(500);
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() >= 300) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
