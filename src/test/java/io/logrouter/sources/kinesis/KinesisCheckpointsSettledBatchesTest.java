package io.logrouter.sources.kinesis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.sources.SinkDownRoutes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A kinesis-kcl: route whose sink is down and whose error handling swallows the failure (onException handled) must
 * not checkpoint the shard (the lease table in DynamoDB keeps the shard's starting position), and delivers the batch
 * again: the records reach Elasticsearch, once each, when it is back, and only then is the shard checkpointed.
 */
class KinesisCheckpointsSettledBatchesTest {

    private static final String KINESIS = System.getenv().getOrDefault("KINESIS_ENDPOINT", "http://127.0.0.1:4567");
    private static final String DYNAMODB = System.getenv().getOrDefault("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");
    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("logrouter", "logrouter-secret"));
    private static final int RECORDS = 30;

    @Test
    void aBatchNoSinkSettledIsNotCheckpointedAndArrivesOnceTheSinkIsBack() throws Exception {
        String name = "it-settle-kinesis-" + UUID.randomUUID().toString().substring(0, 8);
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(URI.create(KINESIS))
                .region(Region.US_EAST_1).credentialsProvider(KEYS).build();
                DynamoDbClient dynamodb = DynamoDbClient.builder().endpointOverride(URI.create(DYNAMODB))
                        .region(Region.US_EAST_1).credentialsProvider(KEYS).build()) {
            kinesis.createStream(r -> r.streamName(name).shardCount(1));
            await().atMost(Duration.ofSeconds(30)).until(() -> kinesis.describeStreamSummary(r -> r.streamName(name))
                    .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
            kinesis.putRecords(r -> r.streamName(name).records(IntStream.range(0, RECORDS)
                    .mapToObj(seq -> PutRecordsRequestEntry.builder().partitionKey("p")
                            .data(SdkBytes.fromUtf8String("{\"seq\":" + seq + "}")).build()).toList()));
            try (SinkDownRoutes routes = new SinkDownRoutes("io/logrouter/sources/settle/kinesis-handled.yaml",
                    Map.of("settle.stream", name, "settle.index", name, "settle.kinesis", KINESIS,
                            "settle.dynamodb", DYNAMODB))) {
                // delivered, refused and delivered again at least twice
                await().atMost(Duration.ofSeconds(120)).until(() -> routes.refusedEvents("settle-kinesis") >= 2 * RECORDS);

                assertEquals(List.of("TRIM_HORIZON"), checkpoints(dynamodb, name), "the shard is not checkpointed");
                assertEquals(List.of(), SinkDownRoutes.seqs(name));

                routes.sinkBack();
                await().atMost(Duration.ofSeconds(60)).until(() -> SinkDownRoutes.seqs(name).size() >= RECORDS);
                assertEquals(IntStream.range(0, RECORDS).boxed().toList(), SinkDownRoutes.seqs(name),
                        "every record once");
                await().atMost(Duration.ofSeconds(30)).until(() -> checkpoints(dynamodb, name).stream()
                        .allMatch(checkpoint -> Character.isDigit(checkpoint.charAt(0))));
            } finally {
                SinkDownRoutes.deleteIndex(name);
                kinesis.deleteStream(r -> r.streamName(name));
            }
            assertTrue(dynamodb.listTables().tableNames().contains(name));
        }
    }

    /** Each shard lease's checkpoint in KCL's lease table (named after the application). */
    private static List<String> checkpoints(DynamoDbClient dynamodb, String application) {
        return dynamodb.scan(r -> r.tableName(application)).items().stream()
                .filter(lease -> lease.get("leaseKey").s().startsWith("shardId-"))
                .map(lease -> lease.getOrDefault("checkpoint", AttributeValue.fromS("")).s()).toList();
    }
}
