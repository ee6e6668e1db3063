package io.logrouter.sources.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.it.ElasticsearchQueries;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The HTTP ingest endpoints against the real Elasticsearch of the local stack: what a 200 promises is read back from
 * the index, and what is refused is shown to be absent from it. Authentication is off here (the test profile) and on
 * in {@link HttpIngestGuardsTest} and {@link HttpIngestFloodTest}.
 */
@QuarkusTest
class HttpIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILEBEAT_SAMPLE = Path.of("../shared/data/samples/filebeat-bulk.ndjson");

    @TestHTTPResource("/ingest/ndjson")
    URI ingestNdjson;

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final String run = UUID.randomUUID().toString();

    private List<JsonNode> indexed() throws Exception {
        return elasticsearch.search("it-http", run, "run", "message");
    }

    @Test
    void filebeatBulkBodyIsIndexedAndAnsweredItemByItem() throws Exception {
        // the sample as Filebeat sends it, each document marked with this run
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(FILEBEAT_SAMPLE)) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            if (!node.has("create")) {
                node.put("run", run);
            }
            body.append(node).append('\n');
        }

        given().body(body.toString().getBytes(StandardCharsets.UTF_8)).contentType("application/x-ndjson")
                .when().post("/_bulk")
                .then().statusCode(200)
                .header("X-Elastic-Product", "Elasticsearch")
                .body("errors", equalTo(false))
                .body("items.size()", equalTo(2))
                .body("items[0].create.status", equalTo(201))
                .body("items[1].create._index", equalTo("filebeat-8.19.0"));

        List<JsonNode> hits = indexed();
        assertEquals(2, hits.size(), hits.toString());
        for (JsonNode hit : hits) {
            JsonNode doc = hit.get("_source");
            assertEquals("filebeat-8.19.0", doc.at("/labels/bulk_index").asText());
            assertEquals("filebeat", doc.at("/agent/type").asText());
            assertTrue(doc.get("message").asText().startsWith("GET /"), doc.toString());
        }
    }

    @Test
    void bulkRefusesUpdatesAndDeletesItemByItemAndKeepsTheRest() throws Exception {
        String body = "{\"delete\":{\"_id\":\"gone\"}}\n"
                + "{\"index\":{\"_id\":\"" + run + "-1\"}}\n{\"run\":\"" + run + "\",\"message\":\"kept\"}\n"
                + "{\"update\":{\"_id\":\"x\"}}\n{\"doc\":{\"a\":1}}\n";

        given().body(utf8(body)).contentType("application/x-ndjson")
                .when().post("/logs-app/_bulk")
                .then().statusCode(200)
                .body("errors", equalTo(true))
                .body("items[0].delete.status", equalTo(400))
                .body("items[0].delete.error.reason", containsString("delete"))
                .body("items[1].index.status", equalTo(201))
                .body("items[1].index._id", equalTo(run + "-1"))
                .body("items[1].index._index", equalTo("logs-app"))
                .body("items[2].update.status", equalTo(400));

        List<JsonNode> hits = indexed();
        assertEquals(1, hits.size(), hits.toString());
        assertEquals(run + "-1", hits.get(0).get("_id").asText());
    }

    @Test
    void aBrokenActionLineRefusesTheWholeBulkRequest() throws Exception {
        String body = "{\"index\":{}}\n{\"run\":\"" + run + "\"}\nnot an action\n{\"run\":\"" + run + "\"}\n";
        given().body(utf8(body)).contentType("application/x-ndjson")
                .when().post("/_bulk")
                .then().statusCode(400)
                .body("status", equalTo(400))
                .body("error.reason", containsString("line [3]"));
        assertEquals(0, indexed().size());
    }

    @Test
    void shipperStartupCallsAreAnsweredLikeAnElasticsearchNode() {
        given().when().get("/")
                .then().statusCode(200)
                .header("X-Elastic-Product", "Elasticsearch")
                .body("version.number", equalTo("8.19.0"))
                .body("tagline", equalTo("You Know, for Search"));
        given().when().head("/").then().statusCode(200).header("X-Elastic-Product", "Elasticsearch");
        given().when().get("/_license").then().statusCode(200).body("license.status", equalTo("active"));
        given().when().get("/_xpack").then().statusCode(200).body("features.ilm.enabled", equalTo(true));
        given().when().get("/_cluster/health").then().statusCode(200).body("status", equalTo("green"));
        given().when().head("/_index_template/filebeat-8.19.0").then().statusCode(200);
        given().body("{\"index_patterns\":[\"filebeat-*\"]}").contentType("application/json")
                .when().put("/_ilm/policy/filebeat")
                .then().statusCode(200).body("acknowledged", equalTo(true));
    }

    @Test
    void mixedNdjsonKeepsEveryLineAndReportsTheBadOnes() throws Exception {
        String body = "{\"run\":\"" + run + "\",\"message\":\"good one\"}\n"
                + "not json " + run + "\n"
                + "\n"
                + "{\"run\":\"" + run + "\",\"message\":\"good two\"}\n"
                + "{\"run\":\"" + run + "\",\"broken\": \n";

        given().body(utf8(body)).contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(200)
                .body("accepted", equalTo(4))
                .body("failed.size()", equalTo(2))
                .body("failed[0].line", equalTo(2))
                .body("failed[0].reason", equalTo("not a JSON object"))
                .body("failed[1].line", equalTo(5))
                .body("failed[1].reason", containsString("invalid JSON"));

        List<JsonNode> hits = indexed();
        assertEquals(4, hits.size(), hits.toString());
        long marked = hits.stream().filter(hit -> hit.get("_source").path("tags").toString()
                .contains("parse_failure")).count();
        assertEquals(2, marked);
    }

    @Test
    void jsonArraysSingleObjectsAndTextLinesAreIndexed() throws Exception {
        given().body("[{\"run\":\"" + run + "\",\"message\":\"a\"},{\"run\":\"" + run + "\",\"message\":\"b\"},"
                        + "\"plain " + run + "\",42]")
                .contentType("application/json")
                .when().post("/ingest/json")
                .then().statusCode(200)
                .body("accepted", equalTo(4))
                .body("failed.size()", equalTo(1))
                .body("failed[0].item", equalTo(4));
        given().body("{\"run\":\"" + run + "\",\"message\":\"single\"}").contentType("application/json")
                .when().post("/ingest/json")
                .then().statusCode(200).body("accepted", equalTo(1));
        given().body("text one " + run + "\n{\"not\":\"parsed\",\"run\":\"" + run + "\"}\n")
                .contentType("text/plain")
                .when().post("/ingest/text")
                .then().statusCode(200).body("accepted", equalTo(2)).body("failed.size()", equalTo(0));

        List<JsonNode> hits = indexed();
        assertEquals(6, hits.size(), hits.toString());
        assertTrue(hits.stream().anyMatch(hit -> hit.get("_source").path("message").asText()
                .equals("{\"not\":\"parsed\",\"run\":\"" + run + "\"}")), "text lines are not parsed");
    }

    @Test
    void theSameLineInTwoRequestsIsTwoEventsAndARetryWithItsIdempotencyKeyOverwrites() throws Exception {
        byte[] line = utf8("{\"run\":\"" + run + "\",\"message\":\"connection reset\"}\n");
        for (int i = 0; i < 2; i++) {
            given().body(line).contentType("application/x-ndjson")
                    .when().post("/ingest/ndjson")
                    .then().statusCode(200).body("accepted", equalTo(1));
        }
        assertEquals(2, indexed().size(), "one line posted in two requests is two events");

        byte[] body = utf8("{\"run\":\"" + run + "\",\"message\":\"keyed 1\"}\n"
                + "{\"run\":\"" + run + "\",\"message\":\"keyed 2\"}\n");
        for (int i = 0; i < 2; i++) {
            given().body(body).header("Idempotency-Key", "retry-" + run).contentType("application/x-ndjson")
                    .when().post("/ingest/ndjson")
                    .then().statusCode(200).body("accepted", equalTo(2));
        }
        byte[] bulk = utf8("{\"index\":{}}\n{\"run\":\"" + run + "\",\"message\":\"bulk keyed\"}\n");
        for (int i = 0; i < 2; i++) {
            given().body(bulk).header("Idempotency-Key", "bulk-" + run).contentType("application/x-ndjson")
                    .when().post("/_bulk").then().statusCode(200).body("errors", equalTo(false));
        }
        assertEquals(5, indexed().size(), "a body sent twice with one Idempotency-Key is written once");
    }

    @Test
    void invalidJsonIsRefusedWithTheReasonAndNothingIsIndexed() throws Exception {
        given().body("[{\"run\":\"" + run + "\"},{\"run\":").contentType("application/json")
                .when().post("/ingest/json")
                .then().statusCode(400)
                .body("error.reason", containsString("invalid JSON"));
        given().body("").contentType("application/json")
                .when().post("/ingest/json")
                .then().statusCode(400)
                .body("error.reason", containsString("empty body"));
        given().body("[]").contentType("application/json")
                .when().post("/ingest/json")
                .then().statusCode(400)
                .body("error.reason", containsString("empty array"));
        given().body(utf8("\n\n")).contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(400)
                .body("error.reason", containsString("empty body"));
        assertEquals(0, indexed().size());
    }

    @Test
    void gzipBodiesAreInflatedAndGzipBombsRefused() throws Exception {
        String lines = "{\"run\":\"" + run + "\",\"message\":\"zipped 1\"}\n"
                + "{\"run\":\"" + run + "\",\"message\":\"zipped 2\"}\n";
        given().body(gzip(lines.getBytes(StandardCharsets.UTF_8))).header("Content-Encoding", "gzip")
                .contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(200).body("accepted", equalTo(2));
        // the JDK's client upgrades a first request to h2c, and its body must be inflated all the same
        HttpResponse<String> upgraded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ingestNdjson)
                .header("Content-Type", "application/x-ndjson").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(lines.getBytes(StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, upgraded.statusCode(), upgraded.body());
        List<JsonNode> hits = indexed();
        assertEquals(4, hits.size(), hits.toString());
        assertTrue(hits.stream().allMatch(hit -> hit.get("_source").path("message").asText().startsWith("zipped")),
                hits.toString());

        // 8 MiB of zeros compress to a few KiB and inflate past the test's body limit of 2 MiB
        byte[] bomb = gzip(new byte[8 * 1024 * 1024]);
        assertTrue(bomb.length < 64 * 1024);
        given().body(bomb).header("Content-Encoding", "gzip").contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(413);
    }

    @Test
    void anUnknownEncodingIsRefusedWithoutRepeatingItAndACorruptOneWith400() throws Exception {
        String encoding = "x-secret-" + run;
        Response response = given().body(utf8("{\"run\":\"" + run + "\"}\n")).header("Content-Encoding", encoding)
                .contentType("application/x-ndjson")
                .when().post("/ingest/ndjson");
        assertEquals(415, response.statusCode(), response.asString());
        assertEquals("media_type_header_exception", response.jsonPath().getString("error.type"));
        assertFalse(response.asString().contains(run), response.asString());
        given().body(utf8("{\"run\":\"" + run + "\"}\n")).header("Content-Encoding", "compress")
                .contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(415);
        // a body that is not what its encoding says, over HTTP/1.1 and over a request upgraded to h2c
        given().body(utf8("{\"run\":\"" + run + "\"}\n")).header("Content-Encoding", "gzip")
                .contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(400);
        HttpResponse<String> upgraded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ingestNdjson)
                .header("Content-Type", "application/x-ndjson").header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(utf8("{\"run\":\"" + run + "\"}\n"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, upgraded.statusCode(), upgraded.body());
        assertEquals(0, indexed().size());
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413() throws Exception {
        byte[] body = ("{\"run\":\"" + run + "\",\"message\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
        // as careful shippers do: the router refuses on the declared length, before the client sends the body
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ingestNdjson)
                        .version(HttpClient.Version.HTTP_1_1)
                        .expectContinue(true)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(0, indexed().size());
    }

    @Test
    void camelHeadersFromTheClientHaveNoEffectAndRequestHeadersAreNotEchoed() throws Exception {
        Response response = given()
                .header("CamelHttpResponseCode", "201")
                .header("camelhttpuri", "/elsewhere")
                .header("CAMELHTTPPATH", "/elsewhere")
                .header("X-Client-Secret", "do-not-echo")
                .queryParam("CamelHttpResponseCode", "299")
                .body(utf8("{\"run\":\"" + run + "\",\"message\":\"headers\"}\n"))
                .contentType("application/x-ndjson")
                .when().post("/ingest/ndjson");
        response.then().statusCode(200)
                .header("X-Client-Secret", nullValue())
                .header("CamelHttpResponseCode", nullValue())
                .body("accepted", equalTo(1));
        assertEquals(1, indexed().size());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(data);
        }
        return out.toByteArray();
    }
}
