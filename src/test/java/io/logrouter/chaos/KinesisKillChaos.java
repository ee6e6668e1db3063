package io.logrouter.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.it.ElasticsearchQueries;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The shipped Kinesis route (KCL on kinesis-mock, leases and checkpoints in DynamoDB Local) in the packaged router,
 * killed with SIGKILL while it reads a two-shard stream, then started again, and more records put meanwhile: every
 * record must be in Elasticsearch exactly once. The router is restarted in place, as the kubelet restarts a crashed
 * container: under the same worker id, so it resumes its own leases from their checkpoints at once. In the full run
 * the last restart comes up as a new worker instead (a replacement pod), which gets the dead worker's leases only
 * once KCL's leader lock has run out (about two minutes).
 */
class KinesisKillChaos {

    private static final String KINESIS = "http://127.0.0.1:4567";
    private static final Duration FAILOVER = Duration.ofSeconds(3);
    private static final int PUT_RECORDS_LIMIT = 500;

    private final String name = "chaos-kinesis-kill-" + UUID.randomUUID();
    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    // Every seq must be put once: a PutRecords call that timed out on a busy kinesis-mock may still have stored its
    // records, and the SDK's retry would then put them again under new sequence numbers (so new event ids). So no
    // retries, and a read timeout long enough for a starved kinesis-mock.
    private final KinesisClient kinesis = KinesisClient.builder().endpointOverride(URI.create(KINESIS))
            .httpClientBuilder(ApacheHttpClient.builder().socketTimeout(Duration.ofMinutes(5)))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("logrouter", "logrouter-secret")))
            .build();

    @TempDir
    Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        elasticsearch.send("DELETE", "/" + name + "?ignore_unavailable=true", null);
        kinesis.deleteStream(r -> r.streamName(name));
        kinesis.close();
    }

    @Test
    void aKilledRouterResumesFromTheShardCheckpointsWithoutLossOrDuplicates() throws Exception {
        // kinesis-mock slows down as a stream grows: at 100 000 records its PutRecords calls time out
        int events = ChaosScale.events(10_000, 30_000);
        int kills = ChaosScale.events(1, 3);
        kinesis.createStream(r -> r.streamName(name).shardCount(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> kinesis.describeStreamSummary(r -> r.streamName(name))
                .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
        // most of the stream is there from the start, the rest is put while the router is killed and restarted
        int preloaded = events * 2 / 3;
        put(0, preloaded);
        try (RouterProcess router = new RouterProcess("kinesis-kill",
                RoutesFolder.of(dir, "kinesis-to-elasticsearch.yaml", "dead-letter.yaml"))
                .env("LOGROUTER_KINESIS_ENABLED", "true")
                .env("LOGROUTER_KINESIS_STREAM", name)
                .env("LOGROUTER_KINESIS_APPLICATION", name)
                .env("LOGROUTER_KINESIS_INDEX", name)
                .env("AWS_REGION", "us-east-1")
                .env("KINESIS_ENDPOINT", KINESIS)
                .env("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000")
                .env("LOGROUTER_KINESIS_ACCESS_KEY", "logrouter")
                .env("LOGROUTER_KINESIS_SECRET_KEY", "logrouter-secret")
                .env("LOGROUTER_KINESIS_POLL_INTERVAL", "200")
                .env("LOGROUTER_KINESIS_FAILOVER_TIME", Long.toString(FAILOVER.toMillis()))
                .env("LOGROUTER_KINESIS_SHARD_SYNC_INTERVAL", "1000")
                .env("LOGROUTER_KINESIS_WORKER_ID", "chaos-router-0")
                .start()) {
            int put = preloaded;
            for (int kill = 1; kill <= kills; kill++) {
                long target = (long) preloaded * kill / (kills + 1);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                        .until(() -> elasticsearch.count(name) >= target);
                router.kill();
                int next = preloaded + (events - preloaded) * kill / kills;
                put(put, next);
                put = next;
                if (ChaosScale.full() && kill == kills) {
                    router.env("LOGROUTER_KINESIS_WORKER_ID", "");
                }
                router.start();
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> elasticsearch.count(name) >= events);
            // a shard read again from a stale checkpoint would show up as more documents within this
            Thread.sleep(3 * FAILOVER.toMillis());
            SeqAudit audit = SeqAudit.ofIndex(elasticsearch, name, events);
            ChaosReport.row("Kinesis: router killed", kills + " x kill -9 mid-stream, restarted in place"
                    + (ChaosScale.full() ? " (the last one as a new worker)" : "") + " (lease failover "
                    + FAILOVER.toSeconds() + " s)", audit, "peak RSS " + router.peakRssMebibytes() + " MiB");
            assertTrue(audit.exactlyOnce(), audit.toString());
        }
    }

    private void put(int from, int to) {
        for (int start = from; start < to; start += PUT_RECORDS_LIMIT) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int seq = start; seq < Math.min(to, start + PUT_RECORDS_LIMIT); seq++) {
                entries.add(PutRecordsRequestEntry.builder().data(SdkBytes.fromUtf8String(SeqEvents.json(seq)))
                        .partitionKey("key-" + seq).build());
            }
            var response = kinesis.putRecords(r -> r.streamName(name).records(entries));
            assertEquals(0, response.failedRecordCount(), response.toString());
        }
    }
}
