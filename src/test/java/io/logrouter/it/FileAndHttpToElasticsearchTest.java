package io.logrouter.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: lines appended to a tailed file and NDJSON posted over HTTP are read back from
 * the real Elasticsearch of the local stack, each event exactly once, and the line that is not JSON with its marker.
 */
@QuarkusTest
class FileAndHttpToElasticsearchTest {

    private static final Path TAIL_DIR = Path.of("target/it/tail");
    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final String run = UUID.randomUUID().toString();

    @Test
    void appendedLinesAreIndexedExactlyOnce() throws Exception {
        Files.createDirectories(TAIL_DIR);
        Path file = TAIL_DIR.resolve("app-" + run + ".log");
        int events = 500;
        StringBuilder lines = new StringBuilder();
        for (int seq = 0; seq < events; seq++) {
            lines.append(jsonEvent(seq, "file")).append('\n');
            if (seq == 250) {
                lines.append("plain text, not json ").append(run).append('\n');
            }
        }
        // written in two appends so the second arrives while the first may already be in flight
        String text = lines.toString();
        int half = text.indexOf('\n', text.length() / 2) + 1;
        Files.writeString(file, text.substring(0, half), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        Files.writeString(file, text.substring(half), StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> elasticsearch.search("it-files", run, "run", "message").size() >= events + 1);
        Thread.sleep(2_000); // a duplicate would show up within the batch linger and refresh interval
        assertExactlyOnce(elasticsearch.search("it-files", run, "run", "message"), events, "file");
    }

    @Test
    void postedNdjsonIsIndexedBeforeTheAnswer() throws Exception {
        int events = 300;
        Map<String, String> written = Map.of("sink", "elasticsearch", "target", "http", "outcome", "written");
        double writtenBefore = PrometheusScrape.value("logrouter_sink_events_total", written);
        Map<String, String> acknowledged = Map.of("source", "http", "outcome", "acknowledged");
        double acknowledgedBefore = PrometheusScrape.value("logrouter_source_events_total", acknowledged);
        Map<String, String> parsed = Map.of("transform", "JsonParser", "outcome", "processed");
        double parsedBefore = PrometheusScrape.value("logrouter_transform_events_total", parsed);
        Map<String, String> httpSink = Map.of("sink", "elasticsearch", "target", "http");
        double latencyBefore = PrometheusScrape.value("logrouter_pipeline_latency_seconds_count", httpSink);
        String body = IntStream.range(0, events).mapToObj(seq -> jsonEvent(seq, "http"))
                .collect(Collectors.joining("\n", "", "\nplain text, not json " + run + "\n"));

        given().body(body.getBytes(StandardCharsets.UTF_8)).contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(200).body("accepted", equalTo(events + 1));

        // no waiting: the 200 means Elasticsearch already has every event
        assertExactlyOnce(elasticsearch.search("it-http", run, "run", "message"), events, "http");
        assertEquals(events + 1, PrometheusScrape.value("logrouter_sink_events_total", written) - writtenBefore);
        assertEquals(events + 1,
                PrometheusScrape.value("logrouter_source_events_total", acknowledged) - acknowledgedBefore);
        assertEquals(events + 1, PrometheusScrape.value("logrouter_transform_events_total", parsed) - parsedBefore);
        assertEquals(1, PrometheusScrape.value("logrouter_pipeline_latency_seconds_count", httpSink) - latencyBefore,
                "the request's batch, timed from its receipt to Elasticsearch's acknowledgement");
        assertTrue(PrometheusScrape.value("logrouter_pipeline_latency_seconds_max", httpSink) > 0);
    }

    private String jsonEvent(int seq, String source) {
        return "{\"seq\":" + seq + ",\"run\":\"" + run + "\",\"source\":\"" + source
                + "\",\"level\":\"INFO\",\"message\":\"event " + seq + " from " + source + "\"}";
    }

    private void assertExactlyOnce(List<JsonNode> hits, int events, String source) {
        assertEquals(events + 1, hits.size(), "documents for run " + run);
        Set<Integer> seqs = new TreeSet<>();
        JsonNode plain = null;
        for (JsonNode hit : hits) {
            JsonNode doc = hit.get("_source");
            if (doc.has("seq")) {
                seqs.add(doc.get("seq").asInt());
                assertEquals("event " + doc.get("seq").asInt() + " from " + source, doc.get("message").asText());
                assertEquals("INFO", doc.get("level").asText());
            } else {
                plain = doc;
            }
        }
        assertEquals(IntStream.range(0, events).boxed().collect(Collectors.toCollection(TreeSet::new)), seqs);
        assertTrue(plain != null, "the non-JSON line is indexed");
        assertEquals("plain text, not json " + run, plain.get("message").asText());
        assertTrue(plain.get("tags").toString().contains("parse_failure"), plain.toString());
    }
}
