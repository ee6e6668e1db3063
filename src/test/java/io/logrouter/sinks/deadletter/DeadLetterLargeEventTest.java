package io.logrouter.sinks.deadletter;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.it.ManagementPort;
import io.logrouter.sources.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A 5 MiB event Elasticsearch refuses for good (a mapping conflict on an index made for it) ends whole in the
 * dead-letter topic, and its batch completes: the Kafka source commits past it. The event is random text, so even
 * compressed its record is far over Kafka's 1 MiB defaults (producer and topic); and a dead-letter topic made with
 * that default limit is raised to the record size.
 */
@QuarkusTest
class DeadLetterLargeEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_CHARS = 5 * 1024 * 1024;

    @Inject
    CamelContext camel;

    @ConfigProperty(name = "logrouter.dead-letter.topic")
    String deadLetterTopic;

    @ConfigProperty(name = "logrouter.dead-letter.max-record-bytes")
    int maxRecordBytes;

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final KafkaTestClient kafka = new KafkaTestClient();
    private final String run = UUID.randomUUID().toString();
    private final String routeId = "it-dead-letter-large-" + run;

    @AfterEach
    void removeRoute() throws Exception {
        if (camel.getRoute(routeId) != null) {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
        kafka.close();
    }

    @Test
    void aFiveMebibyteEventRefusedByElasticsearchEndsWholeInTheDeadLetterTopic() throws Exception {
        String topic = "it-logs-large-" + run;
        String group = "it-large-" + run;
        String index = "it-kafka-large-" + run;
        kafka.createTopic(topic, 1, Map.of("max.message.bytes", String.valueOf(8 * 1024 * 1024)));
        elasticsearch.send("PUT", "/" + index, "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"}}}}");
        // the router ensures the dead-letter topic's limit at start: readiness says it did
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> ManagementPort.withToken().get("/q/health/ready")
                .then().body("checks.find { it.name == 'dead-letter-topic' }.data.state", equalTo("READY")));
        Map<TopicPartition, Long> deadLetterStart = kafka.endOffsets(deadLetterTopic);

        String message = randomText(MESSAGE_CHARS);
        String line = "{\"run\":\"" + run + "\",\"n\":\"not-a-number\",\"message\":\"" + message + "\"}";
        produce(topic, line);
        TemplatedRouteBuilder.builder(camel, "kafka-to-elasticsearch").routeId(routeId).parameters(Map.of(
                "topics", topic, "groupId", group, "sink", "elasticsearch-bulk:large?index=" + index)).add();

        await().atMost(Duration.ofSeconds(90)).until(() -> kafka.caughtUp(group, topic));
        List<String> deadLetters = KafkaTestClient.read(deadLetterTopic, deadLetterStart, run, 1,
                Duration.ofSeconds(30));
        assertEquals(1, deadLetters.size());
        JsonNode envelope = JSON.readTree(deadLetters.get(0));
        assertEquals(message, envelope.at("/event/message").asText(), "the whole event");
        assertEquals(run, envelope.at("/event/run").asText());
        assertEquals("not-a-number", envelope.at("/event/n").asText());
        assertEquals("elasticsearch", envelope.at("/failure/stage").asText());
        assertTrue(envelope.at("/failure/reason").asText().contains("[n]"), envelope.get("failure").toString());
        assertEquals(0, elasticsearch.count(index), "nothing written");
    }

    @Test
    void aDeadLetterTopicWithKafkasDefaultLimitIsRaisedToTheRecordSize() throws Exception {
        String topic = "it-dead-letter-small-" + run;
        kafka.createTopic(topic, 1, Map.of("max.message.bytes", "1048588"));
        DeadLetterTopic deadLetter = new DeadLetterTopic(camel, topic, maxRecordBytes);
        deadLetter.ensureInBackground();
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter.status().state() == DeadLetterTopic.State.READY);
        assertEquals(String.valueOf(maxRecordBytes), kafka.topicConfig(topic, "max.message.bytes"));
        assertTrue(deadLetter.status().detail().contains("raised from 1048588"), deadLetter.status().toString());
    }

    private static void produce(String topic, String line) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", KafkaTestClient.BROKERS);
        config.put("max.request.size", String.valueOf(8 * 1024 * 1024));
        config.put("key.serializer", StringSerializer.class.getName());
        config.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, line)).get();
        }
    }

    private static String randomText(int length) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(letters.charAt(random.nextInt(letters.length())));
        }
        return text.toString();
    }
}
