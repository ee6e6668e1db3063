package io.logrouter.sinks.kinesis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.transforms.parse.EnvelopeParser;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The node agent's Kinesis leg end to end on the local stack: {@code kinesis-queue:} on the agent side, the
 * {@code kinesis-kcl:} source with {@link EnvelopeParser} and {@code elasticsearch-bulk:} on the aggregator side.
 * Every event reaches Elasticsearch once, under the id the agent gave it and with its fields as they were.
 */
class KinesisQueueToElasticsearchTest {

    private static final String KEYS = "region=us-east-1&accessKey=logrouter&secretKey=logrouter-secret"
            + "&kinesisEndpoint=http://127.0.0.1:4567";

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();

    @Test
    void eventsKeepTheirIdsAndFieldsFromTheAgentToElasticsearch() throws Exception {
        String name = "it-kinesis-queue-e2e-" + UUID.randomUUID();
        Map<String, LogEvent> sent = new HashMap<>();
        EventBatch batch = new EventBatch();
        for (int i = 0; i < 40; i++) {
            LogEvent event = LogEvent.ofMessage("agent-" + i + "-" + name, "agent line " + i);
            event.put("service.name", "svc-" + i % 4);
            batch.add(event);
            sent.put(event.id(), event);
        }
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(URI.create("http://127.0.0.1:4567"))
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("logrouter", "logrouter-secret")))
                .build();
                DefaultCamelContext camel = new DefaultCamelContext()) {
            kinesis.createStream(r -> r.streamName(name).shardCount(2));
            await().atMost(Duration.ofSeconds(30)).until(() -> kinesis.describeStreamSummary(r -> r.streamName(name))
                    .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kinesis-kcl:" + name + "?" + KEYS + "&applicationName=" + name
                            + "&dynamoDbEndpoint=http://127.0.0.1:8000&pollInterval=200&failoverTime=3000"
                            + "&shardSyncInterval=1000")
                            .process(new EnvelopeParser())
                            .to("elasticsearch-bulk:kinesis-queue-e2e?index=" + name);
                }
            });
            camel.start();

            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setBody(batch);
            assertNull(camel.createProducerTemplate().send("kinesis-queue:" + name + "?" + KEYS, exchange)
                    .getException());

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> documents(name).size() >= 40);
            List<JsonNode> hits = documents(name);
            assertEquals(40, hits.size());
            for (JsonNode hit : hits) {
                LogEvent original = sent.get(hit.get("_id").asText());
                assertEquals(original.fields(), hit.get("_source"), hit.toString());
                assertEquals(1, hit.get("_version").asInt(), "written once: " + hit);
            }
            // KCL stops polling before the stream goes away
            camel.stop();
            kinesis.deleteStream(r -> r.streamName(name));
        } finally {
            elasticsearch.send("DELETE", "/" + name + "?ignore_unavailable=true", null);
        }
    }

    private List<JsonNode> documents(String index) throws Exception {
        elasticsearch.send("POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
        JsonNode response = elasticsearch.send("POST", "/" + index + "/_search?ignore_unavailable=true",
                "{\"size\":1000,\"version\":true,\"query\":{\"match_all\":{}}}");
        List<JsonNode> hits = new ArrayList<>();
        response.path("hits").path("hits").forEach(hits::add);
        return hits;
    }
}
