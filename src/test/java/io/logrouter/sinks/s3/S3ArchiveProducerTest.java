package io.logrouter.sinks.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventId;
import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Against the S3Proxy of the local stack ({@code dev/stack up}), each test in a bucket of its own. */
class S3ArchiveProducerTest {

    private static final Pattern KEY = Pattern.compile(
            "archive/service=([a-z]+)/dt=(\\d{4}-\\d{2}-\\d{2})/hour=(\\d{2})/[0-9a-f]{32}\\.ndjson\\.gz");

    private final String run = UUID.randomUUID().toString();
    private ArchiveBucket bucket;
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() {
        bucket = new ArchiveBucket();
        camel = new DefaultCamelContext();
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        bucket.close();
    }

    private void connect(String endpoint) {
        S3ArchiveComponent component = camel.getComponent("s3-archive", S3ArchiveComponent.class);
        component.setUriEndpointOverride(endpoint);
        component.setForcePathStyle(true);
        component.setAccessKey(ArchiveBucket.ACCESS_KEY);
        component.setSecretKey(ArchiveBucket.SECRET_KEY);
    }

    private String sink(String options) {
        return "s3-archive:" + bucket.name + "?prefix=archive&autoCreateBucket=true" + options;
    }

    private LogEvent event(int seq, String service, String timestamp) {
        LogEvent event = LogEvent.ofMessage(EventId.ofPosition(run, seq), "request " + seq + " " + UUID.randomUUID());
        event.put("service.name", service);
        event.put("@timestamp", timestamp);
        event.put("seq", String.valueOf(seq));
        return event;
    }

    /** Four partitions: two services, two hours either side of midnight UTC. */
    private EventBatch mixedBatch(int from, int count) {
        String[] times = {"2026-11-25T23:59:59.999Z", "2026-11-26T00:00:00Z"};
        EventBatch batch = new EventBatch();
        for (int seq = from; seq < from + count; seq++) {
            batch.add(event(seq, seq % 3 == 0 ? "checkout" : "payments", times[seq % 2]));
        }
        return batch;
    }

    private Exchange send(String uri, EventBatch batch) {
        return producer.send(uri, exchange -> exchange.getMessage().setBody(batch));
    }

    /** Every archived line checked against its key; returns how often each seq was found. */
    private Map<String, Integer> archivedSeqs() throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (Map.Entry<String, List<JsonNode>> object : bucket.lines().entrySet()) {
            Matcher key = KEY.matcher(object.getKey());
            assertTrue(key.matches(), object.getKey());
            for (JsonNode line : object.getValue()) {
                String timestamp = line.get("@timestamp").asText();
                assertEquals(key.group(1), line.get("service").get("name").asText(), object.getKey());
                assertEquals(key.group(2), timestamp.substring(0, 10), object.getKey());
                assertEquals(key.group(3), timestamp.substring(11, 13), object.getKey());
                assertEquals(EventId.ofPosition(run, line.get("seq").asInt()), line.get("_id").asText());
                seen.merge(line.get("seq").asText(), 1, Integer::sum);
            }
        }
        return seen;
    }

    private static void assertEachOnce(int count, Map<String, Integer> seen) {
        for (int seq = 0; seq < count; seq++) {
            assertEquals(1, seen.getOrDefault(String.valueOf(seq), 0), "seq " + seq);
        }
        assertEquals(count, seen.size());
    }

    @Test
    void eachBatchIsStoredAsOneObjectPerPartitionWithHiveStyleKeys() throws Exception {
        connect(ArchiveBucket.ENDPOINT);
        assertNull(send(sink(""), mixedBatch(0, 300)).getException());
        assertNull(send(sink(""), mixedBatch(300, 300)).getException());

        List<String> keys = bucket.keys();
        assertEquals(8, keys.size(), "two batches of four partitions: " + keys);
        assertEquals(4, keys.stream().map(key -> key.substring(0, key.lastIndexOf('/'))).distinct().count());
        assertTrue(keys.stream().anyMatch(key -> key.startsWith("archive/service=checkout/dt=2026-11-25/hour=23/")),
                keys.toString());
        assertEachOnce(600, archivedSeqs());
        assertEquals(S3ObjectStore.CONTENT_TYPE, bucket.head(keys.get(0)).contentType());
    }

    @Test
    void theExampleRouteArchivesWhatItIsSent() throws Exception {
        connect(ArchiveBucket.ENDPOINT);
        Properties properties = new Properties();
        properties.put("logrouter.s3.bucket", bucket.name);
        properties.put("logrouter.s3.prefix", "archive");
        properties.put("logrouter.s3.partition", "service={service.name}/dt={yyyy-MM-dd}/hour={HH}");
        properties.put("logrouter.s3.max-object-bytes", "67108864");
        properties.put("logrouter.s3.part-size", "16777216");
        properties.put("logrouter.s3.auto-create-bucket", "true");
        properties.put("logrouter.s3.retry-budget-millis", "5000");
        camel.getPropertiesComponent().setOverrideProperties(properties);
        PluginHelper.getRoutesLoader(camel).loadRoutes(
                ResourceHelper.resolveMandatoryResource(camel, "file:routes/examples/s3-archive.yaml"));

        assertNull(send("direct:s3-archive", mixedBatch(0, 100)).getException());

        assertEquals(4, bucket.keys().size());
        assertEachOnce(100, archivedSeqs());
    }

    @Test
    void aBatchDeliveredAgainOverwritesTheSameKeys() throws Exception {
        connect(ArchiveBucket.ENDPOINT);
        EventBatch batch = mixedBatch(0, 200);
        assertNull(send(sink(""), batch).getException());
        List<String> first = bucket.keys();

        assertNull(send(sink(""), batch).getException());

        assertEquals(first, bucket.keys());
        assertEachOnce(200, archivedSeqs());
    }

    @Test
    void aLargeBatchIsCutIntoSeveralObjectsUploadedInParts() throws Exception {
        connect(ArchiveBucket.ENDPOINT);
        // random payloads barely compress: about 8 MiB of gzip, past the 5 MiB minimum part size S3 insists on
        Random random = new Random(42);
        byte[] payload = new byte[768];
        EventBatch batch = new EventBatch();
        for (int seq = 0; seq < 10_000; seq++) {
            random.nextBytes(payload);
            LogEvent event = event(seq, "checkout", "2026-11-26T01:02:03Z");
            event.put("payload", Base64.getEncoder().encodeToString(payload));
            batch.add(event);
        }
        int partSize = 5 * 1024 * 1024;

        assertNull(send(sink("&maxObjectBytes=" + partSize + "&partSize=" + partSize), batch).getException());

        List<S3Object> objects = bucket.objects();
        assertEquals(2, objects.size(), objects.toString());
        S3Object full = objects.stream().filter(object -> object.size() >= partSize).findFirst().orElseThrow();
        // S3 marks an object assembled from N parts with an ETag ending in -N
        assertTrue(full.eTag().matches("\"?[0-9a-f]+-2\"?"), full.key() + " " + full.eTag());
        assertEachOnce(10_000, archivedSeqs());
    }

    @Test
    void whileS3IsDownTheExchangeFailsAndTheRedeliveryStoresEverythingOnce() throws Exception {
        try (TcpForwarder s3 = new TcpForwarder(9000)) {
            connect("http://127.0.0.1:" + s3.port());
            String sink = sink("&retryBudgetMillis=1000");

            // down from the start: the sink must still start, and fail the batch instead of acknowledging it
            Exchange refused = send(sink, mixedBatch(0, 100));
            assertInstanceOf(SinkUnavailableException.class, refused.getException());

            s3.open();
            assertNull(send(sink, mixedBatch(0, 100)).getException());
            assertNull(send(sink, mixedBatch(100, 100)).getException());

            s3.close();
            EventBatch during = mixedBatch(200, 100);
            assertInstanceOf(SinkUnavailableException.class, send(sink, during).getException());

            s3.open();
            assertNull(send(sink, during).getException());
        }
        assertEachOnce(300, archivedSeqs());
        assertEquals(12, bucket.keys().size());
    }

    @Test
    void aBatchPartlyStoredBeforeAnOutageLeavesNoDuplicatesWhenDeliveredAgain() throws Exception {
        try (TcpForwarder s3 = new TcpForwarder(9000)) {
            connect("http://127.0.0.1:" + s3.port());
            String sink = sink("&retryBudgetMillis=1000");
            s3.open();
            assertNull(send(sink, mixedBatch(0, 100)).getException());

            EventBatch cut = mixedBatch(100, 100);
            s3.closeAtPut(3);
            assertInstanceOf(SinkUnavailableException.class, send(sink, cut).getException());
            assertEquals(4 + 2, bucket.keys().size(), "two of the four objects were stored before the outage");

            s3.open();
            assertNull(send(sink, cut).getException());
        }
        assertEquals(8, bucket.keys().size());
        assertEachOnce(200, archivedSeqs());
    }
}
