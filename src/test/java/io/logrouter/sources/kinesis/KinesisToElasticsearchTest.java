package io.logrouter.sources.kinesis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.it.ElasticsearchQueries;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The Kinesis route end to end against the local stack (kinesis-mock, DynamoDB Local for KCL's leases and
 * checkpoints, Elasticsearch): plain and CloudWatch records on a two-shard stream arrive once each, after a
 * restart of the route only the records put since are delivered, none of the earlier ones again, and after a
 * reshard the records in the new shards arrive too.
 */
@QuarkusTest
class KinesisToElasticsearchTest {

    private static final String ROUTE = "kinesis-to-elasticsearch";

    @Inject
    CamelContext camel;

    @ConfigProperty(name = "logrouter.kinesis.stream")
    String stream;

    @ConfigProperty(name = "logrouter.kinesis.index")
    String index;

    @ConfigProperty(name = "logrouter.kinesis.endpoint")
    String endpoint;

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();

    @AfterEach
    void stopRoute() throws Exception {
        camel.getRouteController().stopRoute(ROUTE);
    }

    @Test
    void everyRecordArrivesOnceAndARestartResumesAfterTheCheckpoint() throws Exception {
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("logrouter", "logrouter-secret")))
                .build()) {
            kinesis.createStream(r -> r.streamName(stream).shardCount(2));
            awaitActive(kinesis);

            put(kinesis, jsonLines(0, 40));
            put(kinesis, List.of(SdkBytes.fromUtf8String("plain text, not json"),
                    sample("cloudwatch-control.json.gz"), sample("cloudwatch-subscription.json.gz")));
            camel.getRouteController().startRoute(ROUTE);

            // 40 JSON lines, the text line, the two log events of the CloudWatch sample, nothing for its control message
            awaitDocuments(43);

            camel.getRouteController().stopRoute(ROUTE);
            put(kinesis, jsonLines(40, 60));
            camel.getRouteController().startRoute(ROUTE);

            awaitDocuments(63);

            // a reshard closes the parent shards: their children are read once the parents are finished
            kinesis.updateShardCount(r -> r.streamName(stream).targetShardCount(4)
                    .scalingType(ScalingType.UNIFORM_SCALING));
            awaitActive(kinesis);
            put(kinesis, jsonLines(60, 80));

            awaitDocuments(83);
            Thread.sleep(3_000); // a batch delivered again would show up as a second version within this
            List<JsonNode> hits = documents();
            assertEquals(83, hits.size());
            for (JsonNode hit : hits) {
                assertEquals(1, hit.get("_version").asInt(), "delivered more than once: " + hit);
                // every record has a time: its own, CloudWatch's or its arrival in the stream
                assertFalse(hit.get("_source").path("tags").toString().contains("timestamp_failure"), hit.toString());
            }
            assertTrue(hits.stream().anyMatch(hit -> "plain text, not json".equals(
                    hit.get("_source").path("message").asText())), "the text record is indexed");
            assertEquals(IntStream.range(0, 80).boxed().collect(Collectors.toCollection(TreeSet::new)),
                    seqs(hits));
            assertCloudWatchEvents(hits);
        }
    }

    private void awaitActive(KinesisClient kinesis) {
        await().atMost(Duration.ofSeconds(30)).until(() -> kinesis.describeStreamSummary(r -> r.streamName(stream))
                .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
    }

    private void assertCloudWatchEvents(List<JsonNode> hits) {
        List<JsonNode> cloudWatch = hits.stream().map(hit -> hit.get("_source"))
                .filter(doc -> doc.has("aws") && doc.get("aws").has("cloudwatch")).toList();
        assertEquals(2, cloudWatch.size(), cloudWatch.toString());
        for (JsonNode doc : cloudWatch) {
            assertEquals("/aws/eks/shop/cluster", doc.at("/aws/cloudwatch/log_group").asText());
            assertEquals("123456789012", doc.at("/cloud/account/id").asText());
        }
        assertTrue(cloudWatch.stream().anyMatch(doc -> "get".equals(doc.path("verb").asText())),
                "the JSON log event is parsed: " + cloudWatch);
    }

    private static Set<Integer> seqs(List<JsonNode> hits) {
        Set<Integer> seqs = new TreeSet<>();
        for (JsonNode hit : hits) {
            JsonNode seq = hit.get("_source").get("seq");
            if (seq != null) {
                seqs.add(seq.asInt());
            }
        }
        return seqs;
    }

    private void awaitDocuments(int count) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> documents().size() >= count);
    }

    private List<JsonNode> documents() throws Exception {
        elasticsearch.send("POST", "/" + index + "/_refresh?ignore_unavailable=true", null);
        JsonNode response = elasticsearch.send("POST", "/" + index + "/_search?ignore_unavailable=true",
                "{\"size\":1000,\"version\":true,\"query\":{\"match_all\":{}}}");
        List<JsonNode> hits = new ArrayList<>();
        response.path("hits").path("hits").forEach(hits::add);
        return hits;
    }

    private void put(KinesisClient kinesis, List<SdkBytes> records) {
        List<PutRecordsRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            // distinct partition keys spread the records over both shards
            entries.add(PutRecordsRequestEntry.builder().data(records.get(i)).partitionKey("key-" + i).build());
        }
        var response = kinesis.putRecords(r -> r.streamName(stream).records(entries));
        assertEquals(0, response.failedRecordCount(), response.toString());
    }

    private static List<SdkBytes> jsonLines(int from, int to) {
        return IntStream.range(from, to).mapToObj(seq -> SdkBytes.fromUtf8String(
                "{\"seq\":" + seq + ",\"level\":\"INFO\",\"message\":\"kinesis event " + seq + "\"}")).toList();
    }

    private static SdkBytes sample(String name) throws Exception {
        return SdkBytes.fromByteArray(Files.readAllBytes(CloudWatchLogsDecoderTest.SAMPLES.resolve(name)));
    }
}
