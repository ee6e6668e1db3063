package io.logrouter.sinks.kinesis;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventEnvelope;
import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * The {@code kinesis-queue:} sink against kinesis-mock: every event of a batch arrives once, as an envelope with its
 * id, keyed by its service or else its id; a batch past 500 events takes several PutRecords calls; an unreachable
 * Kinesis fails the exchange with SinkUnavailableException once the budget is spent.
 */
class KinesisQueueProducerTest {

    private static final String KINESIS = "http://127.0.0.1:4567";
    private static final String KEYS = "region=us-east-1&accessKey=logrouter&secretKey=logrouter-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static KinesisClient kinesis;
    private static DefaultCamelContext camel;
    private static final List<LogEvent> deadLettered = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Metrics.addRegistry(meters);
        kinesis = KinesisClient.builder().endpointOverride(URI.create(KINESIS)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("logrouter", "logrouter-secret")))
                .build();
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:dead-letter").process(exchange -> {
                    EventBatch envelopes = exchange.getMessage().getMandatoryBody(EventBatch.class);
                    deadLettered.addAll(envelopes.events());
                    envelopes.settle(envelopes); // as the Kafka dead-letter route does once published
                });
            }
        });
        camel.start();
    }

    @AfterAll
    static void stop() {
        camel.stop();
        kinesis.close();
        Metrics.removeRegistry(meters);
    }

    @Test
    void everyEventArrivesOnceAsAnEnvelopeKeyedByItsServiceOrItsId() throws Exception {
        String stream = createStream(2);
        EventBatch batch = new EventBatch();
        for (int i = 0; i < 30; i++) {
            LogEvent event = LogEvent.ofMessage("event-" + i, "line " + i);
            if (i % 3 != 0) {
                event.put("service.name", "svc-" + i % 3);
            }
            batch.add(event);
        }

        Exchange sent = send(stream, batch, "");

        assertNull(sent.getException());
        Map<String, Record> records = readAll(stream, 30);
        assertEquals(30, records.size());
        for (LogEvent event : batch) {
            Record record = records.get(event.id());
            LogEvent received = EventEnvelope.unwrap(JSON.readTree(record.data().asByteArray()));
            assertEquals(event.id(), received.id());
            assertEquals(event.fields(), received.fields());
            String service = event.text("service.name");
            assertEquals(service != null ? service : event.id(), record.partitionKey());
        }
        kinesis.deleteStream(r -> r.streamName(stream));
    }

    @Test
    void theKeyFieldIsAnOption() throws Exception {
        String stream = createStream(1);
        LogEvent event = LogEvent.ofMessage("pod-event", "line");
        event.put("kubernetes.pod.name", "web-7f9c");

        send(stream, new EventBatch(List.of(event)), "&partitionKeyField=kubernetes.pod.name");

        assertEquals("web-7f9c", readAll(stream, 1).get("pod-event").partitionKey());
        kinesis.deleteStream(r -> r.streamName(stream));
    }

    @Test
    void aBatchPast500EventsTakesSeveralCalls() throws Exception {
        String stream = createStream(2);
        EventBatch batch = new EventBatch();
        for (int i = 0; i < 1_203; i++) {
            batch.add(LogEvent.ofMessage("big-" + i, "line " + i));
        }

        Exchange sent = send(stream, batch, "");

        assertNull(sent.getException());
        assertEquals(1_203, readAll(stream, 1_203).size());
        DistributionSummary calls = meters.find("logrouter.sink.batch.size")
                .tags("sink", KinesisQueueProducer.STAGE, "target", stream).summary();
        assertEquals(3, calls.count());
        assertEquals(500, calls.max());
        kinesis.deleteStream(r -> r.streamName(stream));
    }

    @Test
    void anEventTooBigForARecordIsDeadLetteredAndTheOthersArePut() throws Exception {
        String stream = createStream(1);
        LogEvent huge = LogEvent.ofMessage("huge", "x".repeat(KinesisQueueProducer.MAX_BYTES_PER_RECORD));
        LogEvent small = LogEvent.ofMessage("small", "line");

        Exchange sent = send(stream, new EventBatch(List.of(huge, small)), "");

        assertNull(sent.getException());
        assertEquals(1, readAll(stream, 1).size());
        assertEquals(1, deadLettered.size());
        JsonNode envelope = deadLettered.get(0).fields();
        assertEquals("huge", envelope.path("id").asText());
        assertEquals(KinesisQueueProducer.STAGE, envelope.at("/failure/stage").asText());
        assertEquals(huge.text("message"), envelope.at("/event/message").asText());
        kinesis.deleteStream(r -> r.streamName(stream));
    }

    @Test
    void anUnreachableKinesisFailsTheExchangeOnceTheBudgetIsSpent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(new EventBatch(List.of(LogEvent.ofMessage("lost", "line"))));
        long start = System.nanoTime();

        Exchange sent = camel.createProducerTemplate().send("kinesis-queue:nowhere?" + KEYS
                + "&kinesisEndpoint=http://127.0.0.1:" + closedPort + "&retryBudgetMillis=1000", exchange);

        assertInstanceOf(SinkUnavailableException.class, sent.getException());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "gave up within its budget");
    }

    private Exchange send(String stream, EventBatch batch, String options) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(batch);
        return camel.createProducerTemplate().send("kinesis-queue:" + stream + "?" + KEYS + "&kinesisEndpoint="
                + KINESIS + options, exchange);
    }

    private static String createStream(int shards) {
        String stream = "it-kinesis-queue-" + UUID.randomUUID();
        kinesis.createStream(r -> r.streamName(stream).shardCount(shards));
        await().atMost(Duration.ofSeconds(30)).until(() -> kinesis.describeStreamSummary(r -> r.streamName(stream))
                .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
        return stream;
    }

    /** Every record of every shard from its start, by the id of the event inside; fails on a second copy. */
    private static Map<String, Record> readAll(String stream, int expected) throws Exception {
        Map<String, Record> records = new HashMap<>();
        for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(r -> r.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = kinesis.getRecords(r -> r.shardIterator(current).limit(10_000));
                if (response.records().isEmpty()) {
                    break;
                }
                for (Record record : response.records()) {
                    JsonNode envelope = JSON.readTree(record.data().asByteArray());
                    Record earlier = records.put(envelope.path("id").asText(), record);
                    assertNull(earlier, "put twice: " + envelope);
                }
                iterator = response.nextShardIterator();
            }
        }
        assertEquals(expected, records.size());
        return records;
    }
}
