package io.logrouter.sinks.deadletter;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.DeadLetterEnvelope;
import io.logrouter.event.LogEvent;
import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.sources.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replay example (routes/examples/dead-letter-replay.yaml) loaded into the running router: dead-letter records
 * become their original events again, under their original ids, in Elasticsearch; an event refused again is parked
 * with its new reason; a record that is not an envelope is kept with the parse-failure marker.
 */
@QuarkusTest
class DeadLetterReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROUTES = List.of("dead-letter-replay", "dead-letter-parked");

    @Inject
    CamelContext camel;

    @ConfigProperty(name = "logrouter.dead-letter.replay.topic")
    String topic;

    @ConfigProperty(name = "logrouter.dead-letter.replay.group-id")
    String group;

    @ConfigProperty(name = "logrouter.dead-letter.replay.index")
    String index;

    @ConfigProperty(name = "logrouter.dead-letter.replay.parked-topic")
    String parkedTopic;

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final KafkaTestClient kafka = new KafkaTestClient();
    private final String run = UUID.randomUUID().toString();

    @AfterEach
    void removeRoutes() throws Exception {
        for (String route : ROUTES) {
            camel.getRouteController().stopRoute(route);
            camel.removeRoute(route);
        }
        kafka.close();
    }

    @Test
    void replaysOriginalEventsAndParksTheOnesRefusedAgain() throws Exception {
        elasticsearch.send("PUT", "/" + index, "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"}}}}");
        kafka.ensureTopic(parkedTopic);
        Map<TopicPartition, Long> parkedStart = kafka.endOffsets(parkedTopic);
        LogEvent fixed = original("fixed-1", "7");
        LogEvent stillBad = original("still-bad-1", "\"not-a-number\"");
        KafkaTestClient.produce(topic, List.of(
                envelope(fixed), envelope(stillBad), "not an envelope " + run));

        PluginHelper.getRoutesLoader(camel).loadRoutes(PluginHelper.getResourceLoader(camel)
                .resolveResource("file:routes/examples/dead-letter-replay.yaml"));

        // an index just created answers 503 until its shard is allocated
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> elasticsearch.search(index, run, "run", "message").size() >= 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> kafka.caughtUp(group, topic));
        Map<String, JsonNode> byId = elasticsearch.search(index, run, "run", "message").stream()
                .collect(Collectors.toMap(hit -> hit.get("_id").asText(), hit -> hit.get("_source")));
        assertEquals(2, byId.size(), byId.toString());

        JsonNode replayed = byId.get("fixed-1");
        assertEquals(fixed.fields(), replayed, "the original event, as it was dead-lettered");
        JsonNode junk = byId.values().stream().filter(doc -> !doc.has("n")).findFirst().orElseThrow();
        assertEquals("not an envelope " + run, junk.get("message").asText());
        assertTrue(junk.get("tags").toString().contains("parse_failure"), junk.toString());

        List<String> parked = KafkaTestClient.read(parkedTopic, parkedStart, run, 1, Duration.ofSeconds(20));
        assertEquals(1, parked.size(), parked.toString());
        JsonNode parkedEnvelope = JSON.readTree(parked.get(0));
        assertEquals("still-bad-1", parkedEnvelope.get("id").asText());
        assertEquals(stillBad.fields(), parkedEnvelope.get("event"));
        assertEquals("dead-letter-replay", parkedEnvelope.at("/failure/route").asText());
        assertTrue(parkedEnvelope.at("/failure/reason").asText().contains("failed to parse field [n]"),
                parked.get(0));
    }

    private LogEvent original(String id, String n) throws Exception {
        ObjectNode fields = (ObjectNode) JSON.readTree("{\"run\":\"" + run + "\",\"n\":" + n
                + ",\"message\":\"original " + id + "\",\"@timestamp\":\"2026-11-26T01:00:00.000Z\"}");
        return new LogEvent(id, fields);
    }

    private static String envelope(LogEvent event) {
        return DeadLetterEnvelope.wrap(event, "elasticsearch", "an earlier mapping conflict", "kafka-to-elasticsearch")
                .fields().toString();
    }
}
