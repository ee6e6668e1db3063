package io.logrouter.sinks.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonFileProducerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CamelContext camel = new DefaultCamelContext();
    private ProducerTemplate producer;

    @BeforeEach
    void start() {
        Metrics.addRegistry(registry);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        Metrics.removeRegistry(registry);
    }

    private static EventBatch batch(int from, int count) {
        EventBatch batch = new EventBatch();
        for (int seq = from; seq < from + count; seq++) {
            LogEvent event = LogEvent.ofMessage("id-" + seq, "line " + seq);
            event.put("kubernetes.pod.name", "web-" + seq);
            batch.add(event);
        }
        return batch;
    }

    private List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void everyBatchIsInTheFileWhenItsExchangeCompletes() throws Exception {
        Path file = dir.resolve("out/events.ndjson");
        String uri = "ndjson-file:" + file;

        producer.sendBody(uri, batch(0, 3));
        assertEquals(3, lines(file).size(), "the first batch is written before send returns");
        producer.sendBody(uri, batch(3, 2));

        List<JsonNode> lines = lines(file);
        assertEquals(5, lines.size());
        for (int seq = 0; seq < 5; seq++) {
            JsonNode line = lines.get(seq);
            assertEquals("id-" + seq, line.path("_id").asText(), "batches are appended in order, each line its id");
            assertEquals("line " + seq, line.path("message").asText());
            assertEquals("web-" + seq, line.path("kubernetes").path("pod").path("name").asText());
        }
    }

    @Test
    void idFieldEmptyLeavesTheIdOut() throws Exception {
        Path file = dir.resolve("events.ndjson");

        producer.sendBody("ndjson-file:" + file + "?idField=&sync=false", batch(0, 1));

        JsonNode line = lines(file).get(0);
        assertTrue(line.path("_id").isMissingNode());
        assertEquals("line 0", line.path("message").asText());
    }

    @Test
    void theLatencyFromTheSourcesReceiptIsRecordedOncePerBatch() throws Exception {
        Path file = dir.resolve("latency.ndjson");
        EventBatch waited = batch(0, 2).receivedNanos(System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(250));

        producer.sendBody("ndjson-file:" + file, waited);
        producer.sendBody("ndjson-file:" + file, batch(2, 1));

        Timer latency = registry.find("logrouter.pipeline.latency").tags("sink", "file", "target", file.toString())
                .timer();
        assertNotNull(latency);
        assertEquals(2, latency.count());
        assertTrue(latency.max(TimeUnit.MILLISECONDS) >= 250, "the batch that waited 250 ms before the sink");
    }
}
