package io.logrouter.examples;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.sources.kafka.KafkaTestClient;
import io.logrouter.transforms.filter.Sampler;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * routes/examples/kafka-aggregator.yaml: generated JSON logs produced to a real topic come back from Elasticsearch in
 * one index per service, the errors in the alerts index as well, and the debug events thinned to about a tenth.
 */
class KafkaAggregatorExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 1000;

    @RegisterExtension
    final IndexedDocuments elasticsearch = new IndexedDocuments("it-example-aggregator");
    private final String topic = elasticsearch.prefix();
    private final String group = elasticsearch.prefix();
    private final String services = elasticsearch.prefix() + "-services";
    private final String alerts = elasticsearch.prefix() + "-alerts";

    @Test
    void eventsReachTheirServiceIndexErrorsAlsoTheAlertsIndexAndDebugIsSampled() throws Exception {
        List<String> lines = GeneratedLogs.generate("json", EVENTS, 11);
        Map<Integer, JsonNode> produced = new HashMap<>();
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            produced.put(event.get("seq").asInt(), event);
        }
        Sampler sampler;
        // the topic before the routes: their consumer would otherwise have the broker auto-create it with one partition
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.createTopic(topic, 2);
        }
        try (KafkaTestClient kafka = new KafkaTestClient();
                ExampleRoutes routes = ExampleRoutes.start("routes/examples/kafka-aggregator.yaml", properties())) {
            KafkaTestClient.produce(topic, lines);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> kafka.caughtUp(group, topic));
            sampler = routes.bean("aggregatorSampleDebug", Sampler.class);
        }

        List<ObjectNode> indexed = elasticsearch.all(services + "-*");
        Set<Integer> debug = seqsWithLevel(produced, "DEBUG");
        long debugKept = indexed.stream().filter(doc -> "debug".equals(doc.at("/log/level").asText())).count();
        assertEquals(EVENTS - sampler.getDroppedCount(), indexed.size());
        assertEquals(debug.size() - sampler.getDroppedByKey().get("debug"), debugKept);
        assertTrue(debugKept > 0 && debugKept < debug.size() / 4, debugKept + " of " + debug.size() + " debug kept");
        Set<Integer> seqs = indexed.stream().map(doc -> doc.get("seq").asInt()).collect(Collectors.toSet());
        assertEquals(indexed.size(), seqs.size(), "each event once");
        produced.forEach((seq, event) -> assertTrue(seqs.contains(seq) || debug.contains(seq), "lost " + event));
        for (ObjectNode doc : indexed) {
            String service = produced.get(doc.get("seq").asInt()).get("service").asText();
            assertEquals(service, doc.at("/service/name").asText());
            assertEquals(services + "-" + service + "-2026.11.24", doc.get("_index").asText());
        }

        List<ObjectNode> alerted = elasticsearch.all(alerts + "-*");
        Set<Integer> errors = seqsWithLevel(produced, "ERROR");
        assertTrue(errors.size() > 10, "the sample has errors to route");
        assertEquals(errors, alerted.stream().map(doc -> doc.get("seq").asInt()).collect(Collectors.toSet()));
        assertEquals(errors.size(), alerted.size());
        Set<String> indexedIds = indexed.stream().map(doc -> doc.get("_id").asText()).collect(Collectors.toSet());
        for (ObjectNode alert : alerted) {
            assertEquals(alerts + "-2026.11.24", alert.get("_index").asText());
            assertTrue(indexedIds.contains(alert.get("_id").asText()), "also in its service index: " + alert);
        }
    }

    private static Set<Integer> seqsWithLevel(Map<Integer, JsonNode> produced, String level) {
        return produced.entrySet().stream().filter(e -> level.equals(e.getValue().get("level").asText()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The example's settings, with a shorter wait for a batch to fill than in production. */
    private Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("logrouter.example.aggregator.topics", topic);
        properties.put("logrouter.example.aggregator.group-id", group);
        properties.put("logrouter.example.aggregator.index", services);
        properties.put("logrouter.example.aggregator.alerts-index", alerts);
        properties.put("logrouter.kafka.source.poll-timeout-ms", "200");
        properties.put("logrouter.kafka.source.batching-interval-ms", "300");
        return properties;
    }
}
