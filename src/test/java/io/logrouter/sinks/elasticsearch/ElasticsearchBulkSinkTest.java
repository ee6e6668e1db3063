package io.logrouter.sinks.elasticsearch;

import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.deleteIndices;
import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.unique;
import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.versionsById;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import io.logrouter.it.ElasticsearchQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sink against the real Elasticsearch and OpenSearch of the local stack. */
class ElasticsearchBulkSinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @MethodSource("io.logrouter.sinks.elasticsearch.BulkSinkHarness#servers")
    void mappingConflictsAreDeadLetteredWithTheServersReasonAndTheRestIndexed(String server) throws Exception {
        String index = unique("essink-conflict");
        new ElasticsearchQueries(server).send("PUT", "/" + index,
                "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"}}}}");
        Set<String> conflicting = Set.of("c-3", "c-11", "c-17");
        List<LogEvent> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LogEvent event = LogEvent.ofMessage("c-" + i, "event " + i);
            if (conflicting.contains(event.id())) {
                event.put("n", "not a number " + i);
            } else {
                event.put("n", IntNode.valueOf(i));
            }
            batch.add(event);
        }
        try {
            try (BulkSinkHarness sink = new BulkSinkHarness(server, "index=" + index + "&maxBulkEvents=8")) {
                Exchange exchange = sink.send(batch);

                assertNull(exchange.getException(), "the batch is settled: written or dead-lettered");
                assertEquals(conflicting, sink.deadLetters().stream().map(LogEvent::id).collect(Collectors.toSet()));
                for (LogEvent envelope : sink.deadLetters()) {
                    assertEquals("elasticsearch", envelope.text("failure.stage"));
                    assertEquals("it-elasticsearch", envelope.text("failure.route"));
                    String reason = envelope.text("failure.reason");
                    assertTrue(reason.matches("(document|mapper)_parsing_exception: .*\\[n].*"), reason);
                    assertTrue(envelope.text("event.n").startsWith("not a number"), "the original event is kept");
                }
                Set<String> expected = batch.stream().map(LogEvent::id).filter(id -> !conflicting.contains(id))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(expected, versionsById(server, index).keySet());
            }
        } finally {
            deleteIndices(server, index);
        }
    }

    @ParameterizedTest
    @MethodSource("io.logrouter.sinks.elasticsearch.BulkSinkHarness#servers")
    void itemsRefusedWith429AreRetriedAloneUntilTheServerTakesThem(String server) throws Exception {
        String prefix = unique("essink-busy");
        ElasticsearchQueries search = new ElasticsearchQueries(server);
        search.send("PUT", "/" + prefix + "-full", null);
        // the flood-stage block: both servers refuse each item written to the index with 429; the stack runs them
        // with disk thresholds off, so only this test lifts it
        String block = "{\"index.blocks.read_only_allow_delete\":%s}";
        search.send("PUT", "/" + prefix + "-full/_settings", block.formatted("true"));
        List<LogEvent> batch = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LogEvent event = LogEvent.ofMessage("b-" + i, "busy " + i);
            event.put("target", i % 2 == 0 ? "open" : "full");
            batch.add(event);
        }
        String options = "index=" + prefix + "-{target}&retryInitialMillis=50&retryMaxMillis=300&retryBudgetMillis=";
        try {
            try (BulkSinkHarness impatient = new BulkSinkHarness(server, options + "1000");
                    BulkSinkHarness patient = new BulkSinkHarness(server, options + "60000")) {
                Exception refused = impatient.send(batch).getException();
                assertInstanceOf(SinkUnavailableException.class, refused);
                assertTrue(refused.getMessage().startsWith("20 events still refused"), refused.getMessage());

                CompletableFuture<Exchange> sending = CompletableFuture.supplyAsync(() -> patient.send(batch));
                Thread.sleep(1_000);
                assertFalse(sending.isDone(), "the refused items wait for the server");
                search.send("PUT", "/" + prefix + "-full/_settings", block.formatted("null"));

                assertNull(sending.get().getException());
                assertEquals(List.of(), patient.deadLetters());
                Map<String, Long> versions = versionsById(server, prefix + "-*");
                assertEquals(batch.stream().map(LogEvent::id).collect(Collectors.toCollection(TreeSet::new)),
                        versions.keySet());
                assertEquals(20, versions.values().stream().filter(version -> version == 2L).count(),
                        "the open half, written by each of the two sinks; the full half written once, when it could");
            }
        } finally {
            deleteIndices(server, prefix + "-*");
        }
    }

    @ParameterizedTest
    @MethodSource("io.logrouter.sinks.elasticsearch.BulkSinkHarness#servers")
    void aBatchBeyondTheBoundsGoesAsConcurrentRequestsAndEveryEventOnce(String server) throws Exception {
        String index = unique("essink-split");
        List<LogEvent> batch = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            batch.add(LogEvent.ofMessage("s-" + i, "m".repeat(i % 400)));
        }
        try {
            try (BulkSinkHarness sink = new BulkSinkHarness(server,
                    "index=" + index + "&maxBulkEvents=100&maxBulkBytes=16384&maxInFlight=3")) {
                assertNull(sink.send(batch).getException());

                Map<String, Long> versions = versionsById(server, index);
                assertEquals(batch.stream().map(LogEvent::id).collect(Collectors.toCollection(TreeSet::new)),
                        versions.keySet());
                assertTrue(versions.values().stream().allMatch(version -> version == 1L), "each written once");
                assertTrue(sink.peakInFlight() >= 2 && sink.peakInFlight() <= 3,
                        "requests went concurrently, within maxInFlight: " + sink.peakInFlight());
            }
        } finally {
            deleteIndices(server, index);
        }
    }

    @ParameterizedTest
    @MethodSource("io.logrouter.sinks.elasticsearch.BulkSinkHarness#servers")
    void theProjectsIndexTemplateIsInstalledBeforeTheFirstBatch(String server) throws Exception {
        String prefix = unique("essink-template");
        ObjectNode template = (ObjectNode) JSON.readTree(
                Path.of("k8s/dashboards/elasticsearch-index-template.json").toFile());
        template.putArray("index_patterns").add(prefix + "-*");
        Path file = Files.createDirectories(Path.of("target", "essink")).resolve(prefix + ".json");
        Files.writeString(file, template.toString());
        LogEvent event = LogEvent.ofMessage("t-1", "mapped by the template");
        event.put("@timestamp", "2026-03-04T10:00:00Z");
        event.put("log.level", "warn");
        ElasticsearchQueries search = new ElasticsearchQueries(server);
        try (BulkSinkHarness sink = new BulkSinkHarness(server,
                "index=" + prefix + "-{yyyy.MM.dd}&templateFile=" + file)) {
            assertNull(sink.send(List.of(event)).getException());

            search.send("GET", "/_index_template/" + prefix, null);
            JsonNode mapping = search.send("GET", "/" + prefix + "-2026.03.04/_mapping", null)
                    .path(prefix + "-2026.03.04").path("mappings").path("properties");
            assertEquals("keyword", mapping.path("log").path("properties").path("level").path("type").asText(),
                    "dynamic mapping would have made it text");
            assertEquals("date", mapping.path("@timestamp").path("type").asText());
        } finally {
            search.send("DELETE", "/_index_template/" + prefix, null);
            deleteIndices(server, prefix + "-*");
        }
    }

    @ParameterizedTest
    @MethodSource("io.logrouter.sinks.elasticsearch.BulkSinkHarness#servers")
    void aDataStreamTakesCreateOpsAndARedeliveredBatchIsNoDuplicate(String server) throws Exception {
        ElasticsearchQueries search = new ElasticsearchQueries(server);
        assumeTrue(dataStreamsSupported(search), "data streams are a module that the integ-test "
                + "Elasticsearch distribution leaves out; OpenSearch has them in core");
        String stream = unique("essink-stream");
        search.send("PUT", "/_index_template/" + stream,
                "{\"index_patterns\":[\"" + stream + "*\"],\"data_stream\":{},\"priority\":500}");
        List<LogEvent> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            LogEvent event = LogEvent.ofMessage("d-" + i, "into a data stream");
            event.put("@timestamp", "2026-03-04T10:00:" + (10 + i) + "Z");
            batch.add(event);
        }
        try (BulkSinkHarness sink = new BulkSinkHarness(server, "index=" + stream + "&opType=create")) {
            assertNull(sink.send(batch).getException());
            assertNull(sink.send(batch).getException(), "409 on create means the event is already there");

            assertEquals(List.of(), sink.deadLetters());
            Map<String, Long> versions = versionsById(server, stream);
            assertEquals(batch.stream().map(LogEvent::id).collect(Collectors.toCollection(TreeSet::new)),
                    versions.keySet());
            assertTrue(search.send("GET", "/_data_stream/" + stream, null).path("data_streams").size() == 1);
        } finally {
            search.send("DELETE", "/_data_stream/" + stream, null);
            search.send("DELETE", "/_index_template/" + stream, null);
        }
    }

    private static boolean dataStreamsSupported(ElasticsearchQueries search) throws Exception {
        try {
            search.send("GET", "/_data_stream", null);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
