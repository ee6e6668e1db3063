package io.logrouter.sources.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.EventId;
import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.sinks.elasticsearch.ElasticsearchBulkComponent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka to Elasticsearch against the local stack: every record is indexed once under an id derived from its position,
 * the group's committed offsets reach the end of the topic only once Elasticsearch has the records, an outage holds
 * the offsets back and loses nothing, and documents Elasticsearch refuses go to the dead-letter topic without stopping
 * the partition.
 */
@QuarkusTest
class KafkaToElasticsearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    CamelContext camel;

    @ConfigProperty(name = "logrouter.kafka.source.topics")
    String configuredTopic;

    @ConfigProperty(name = "logrouter.kafka.source.group-id")
    String configuredGroup;

    @ConfigProperty(name = "logrouter.kafka.source.index")
    String configuredIndex;

    @ConfigProperty(name = "logrouter.dead-letter.topic")
    String deadLetterTopic;

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final KafkaTestClient kafka = new KafkaTestClient();
    private final String run = UUID.randomUUID().toString();
    private final List<String> templatedRoutes = new ArrayList<>();

    @AfterEach
    void removeRoutes() throws Exception {
        for (String routeId : templatedRoutes) {
            removeRoute(routeId);
        }
        kafka.close();
    }

    @Test
    void configuredRouteIndexesEveryRecordOnceAndCommitsToTheEnd() throws Exception {
        int events = 300;
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (int seq = 0; seq < events; seq++) {
            lines.writeBytes((jsonEvent(seq) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        lines.writeBytes(("plain text, not json " + run + " ").getBytes(StandardCharsets.UTF_8));
        lines.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, '\n'}); // invalid UTF-8: kept, with a replacement
        KafkaTestClient.produce(configuredTopic, lines.toByteArray());

        List<JsonNode> hits = awaitDocuments(configuredIndex, events + 1);
        await().atMost(DELIVERY).until(() -> kafka.caughtUp(configuredGroup, configuredTopic));

        Set<Integer> seqs = new TreeSet<>();
        JsonNode plain = null;
        for (JsonNode hit : hits) {
            JsonNode doc = hit.get("_source");
            long offset = doc.at("/kafka/offset").asLong();
            int partition = doc.at("/kafka/partition").asInt();
            assertEquals(configuredTopic, doc.at("/kafka/topic").asText());
            assertEquals(EventId.ofPosition(configuredTopic + "-" + partition, offset), hit.get("_id").asText());
            if (doc.has("seq")) {
                seqs.add(doc.get("seq").asInt());
                assertEquals("event " + doc.get("seq").asInt(), doc.get("message").asText());
                assertEquals(doc.get("ts").asText(), doc.get("@timestamp").asText(), "time taken from the event");
            } else {
                plain = doc;
            }
        }
        assertEquals(IntStream.range(0, events).boxed().collect(Collectors.toCollection(TreeSet::new)), seqs);
        assertTrue(plain != null, "the non-JSON record is indexed");
        assertEquals("plain text, not json " + run + " \uFFFD(", plain.get("message").asText());
        assertTrue(plain.get("tags").toString().contains("parse_failure"), plain.toString());
        assertEquals(kafka.endOffsets(configuredTopic), kafka.committedOffsets(configuredGroup, configuredTopic));
    }

    @Test
    void outageHoldsOffsetsBackAndLosesNothing() throws Exception {
        String topic = "it-logs-outage-" + run;
        String group = "it-outage-" + run;
        String index = "it-kafka-outage-" + run;
        kafka.createTopic(topic, 3);
        try (InterruptibleProxy proxy = new InterruptibleProxy("127.0.0.1", 9200).open()) {
            ElasticsearchBulkComponent proxied = new ElasticsearchBulkComponent();
            proxied.setHosts("http://127.0.0.1:" + proxy.port());
            String scheme = "es-proxy-" + run.substring(0, 8);
            camel.addComponent(scheme, proxied);
            startRoute(topic, group, scheme + ":outage?index=" + index
                    + "&retryInitialMillis=100&retryMaxMillis=300&retryBudgetMillis=1000");

            KafkaTestClient.produce(topic, events(0, 200));
            awaitDocuments(index, 200);
            await().atMost(DELIVERY).until(() -> kafka.caughtUp(group, topic));
            Map<TopicPartition, Long> beforeOutage = kafka.committedOffsets(group, topic);

            proxy.cut();
            KafkaTestClient.produce(topic, events(200, 400));
            // several retry budgets, reconnects and re-reads of the same records
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                    .until(() -> kafka.committedOffsets(group, topic).equals(beforeOutage));
            assertEquals(200, elasticsearch.search(index, run, "run").size(), "nothing written during the outage");

            proxy.open();
            List<JsonNode> hits = awaitDocuments(index, 400);
            await().atMost(DELIVERY).until(() -> kafka.caughtUp(group, topic));
            Set<Integer> seqs = hits.stream().map(hit -> hit.at("/_source/seq").asInt())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(IntStream.range(0, 400).boxed().collect(Collectors.toSet()), seqs);
            Thread.sleep(1_000); // a late duplicate would show within a refresh
            assertEquals(400, elasticsearch.search(index, run, "run").size(), "each record exactly once");
        }
    }

    @Test
    void recordsElasticsearchRejectsGoToTheDeadLetterTopicAndThePartitionMovesOn() throws Exception {
        String topic = "it-logs-conflict-" + run;
        String group = "it-conflict-" + run;
        String index = "it-kafka-conflict-" + run;
        kafka.createTopic(topic, 3);
        elasticsearch.send("PUT", "/" + index,
                "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"},\"run\":{\"type\":\"keyword\"}}}}");
        kafka.ensureTopic(deadLetterTopic);
        Map<TopicPartition, Long> deadLetterStart = kafka.endOffsets(deadLetterTopic);
        String routeId = startRoute(topic, group, "elasticsearch-bulk:conflict?index=" + index);

        Set<Integer> poison = Set.of(7, 42, 99);
        List<String> lines = IntStream.range(0, 120)
                .mapToObj(seq -> "{\"seq\":" + seq + ",\"run\":\"" + run + "\",\"n\":"
                        + (poison.contains(seq) ? "\"not-a-number\"" : String.valueOf(seq)) + "}")
                .toList();
        KafkaTestClient.produce(topic, lines);

        List<JsonNode> hits = awaitDocuments(index, 117);
        await().atMost(DELIVERY).until(() -> kafka.caughtUp(group, topic));
        assertTrue(hits.stream().noneMatch(hit -> poison.contains(hit.at("/_source/seq").asInt())));

        List<String> deadLetters = KafkaTestClient.read(deadLetterTopic, deadLetterStart, run, poison.size(),
                Duration.ofSeconds(20));
        assertEquals(poison.size(), deadLetters.size(), deadLetters.toString());
        Set<Integer> deadSeqs = new TreeSet<>();
        for (String record : deadLetters) {
            JsonNode envelope = JSON.readTree(record);
            JsonNode event = envelope.get("event");
            deadSeqs.add(event.get("seq").asInt());
            assertEquals("not-a-number", event.get("n").asText());
            assertEquals(topic, event.at("/kafka/topic").asText());
            assertEquals(EventId.ofPosition(topic + "-" + event.at("/kafka/partition").asInt(),
                    event.at("/kafka/offset").asLong()), envelope.get("id").asText());
            assertEquals("elasticsearch", envelope.at("/failure/stage").asText());
            assertEquals(routeId, envelope.at("/failure/route").asText());
            assertTrue(envelope.at("/failure/reason").asText().contains("failed to parse field [n]"), record);
        }
        assertEquals(new TreeSet<Integer>(poison), deadSeqs);
    }

    private String startRoute(String topic, String group, String sink) {
        String routeId = "it-kafka-" + templatedRoutes.size() + "-" + run;
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("topics", topic);
        parameters.put("groupId", group);
        parameters.put("sink", sink);
        TemplatedRouteBuilder.builder(camel, "kafka-to-elasticsearch").routeId(routeId).parameters(parameters).add();
        templatedRoutes.add(routeId);
        return routeId;
    }

    private void removeRoute(String routeId) throws Exception {
        if (camel.getRoute(routeId) != null) {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
    }

    @Test
    void rebalancesLoseNothingAndDuplicateNothing() throws Exception {
        String topic = "it-logs-rebalance-" + run;
        String group = "it-rebalance-" + run;
        String index = "it-kafka-rebalance-" + run;
        kafka.createTopic(topic, 4);
        String sink = "elasticsearch-bulk:rebalance?index=" + index;
        String first = startRoute(topic, group, sink);
        KafkaTestClient.produce(topic, events(0, 200));
        awaitDocuments(index, 200);

        // a second member joins while records keep coming: partitions move from the first to the second
        startRoute(topic, group, sink);
        for (int chunk = 200; chunk < 600; chunk += 100) {
            KafkaTestClient.produce(topic, events(chunk, chunk + 100));
            Thread.sleep(300);
        }
        // the first member leaves mid-stream: the second takes every partition from the committed offsets
        removeRoute(first);
        KafkaTestClient.produce(topic, events(600, 800));

        List<JsonNode> hits = awaitDocuments(index, 800);
        await().atMost(DELIVERY).until(() -> kafka.caughtUp(group, topic));
        Set<Integer> seqs = hits.stream().map(hit -> hit.at("/_source/seq").asInt())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.range(0, 800).boxed().collect(Collectors.toSet()), seqs);
    }

    private List<JsonNode> awaitDocuments(String index, int count) throws Exception {
        // an index just created answers 503 until its shard is allocated
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> elasticsearch.search(index, run, "run", "message").size() >= count);
        List<JsonNode> hits = elasticsearch.search(index, run, "run", "message");
        assertEquals(count, hits.size(), "documents of run " + run + " in " + index);
        return hits;
    }

    private List<String> events(int from, int to) {
        return IntStream.range(from, to).mapToObj(this::jsonEvent).toList();
    }

    private String jsonEvent(int seq) {
        return "{\"seq\":" + seq + ",\"run\":\"" + run + "\",\"ts\":\"2026-11-26T01:00:" + String.format("%02d", seq % 60)
                + ".000Z\",\"message\":\"event " + seq + "\"}";
    }
}
