package io.logrouter.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.it.PrometheusScrape;
import io.logrouter.sinks.s3.ArchiveBucket;
import io.logrouter.sources.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The two-tier deployment end to end, with two route files of its own: a node agent tails a file and queues its
 * events on Kafka, an aggregator reads them and writes Elasticsearch and the S3 archive. Every line must arrive
 * exactly once in both, under the id the node agent gave it, and the aggregator's offsets must reach the end.
 */
@QuarkusTest
@TestProfile(TailKafkaAggregatorTest.TwoTiers.class)
class TailKafkaAggregatorTest {

    private static final int EVENTS = 300;

    private final Config config = ConfigProvider.getConfig();
    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();

    @Test
    void everyTailedLineIsIndexedAndArchivedOnce() throws Exception {
        String run = config.getValue("e2e.run", String.class);
        Path file = Path.of(config.getValue("e2e.tail.include", String.class).replace("*", "app"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, IntStream.range(0, EVENTS)
                .mapToObj(seq -> "{\"seq\":" + seq + ",\"run\":\"" + run + "\",\"service\":{\"name\":\"svc-" + seq % 3
                        + "\"},\"@timestamp\":\"2026-11-26T10:00:00Z\",\"message\":\"event " + seq + "\"}\n")
                .collect(Collectors.joining()), StandardCharsets.UTF_8);

        String index = config.getValue("e2e.index", String.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> elasticsearch.search(index, run, "run").size() >= EVENTS);
        List<JsonNode> indexed = elasticsearch.search(index, run, "run");
        assertEquals(allSeqs(), seqs(indexed.stream().map(hit -> hit.get("_source")).toList()));
        Set<String> ids = indexed.stream().map(hit -> hit.get("_id").asText()).collect(Collectors.toSet());

        String topic = config.getValue("e2e.topic", String.class);
        String group = config.getValue("e2e.group", String.class);
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.caughtUp(group, topic));
        }
        // caught up: the lag the aggregator reports is zero on every partition it committed, and the node agent's
        // checkpoint is fresh
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Double> lags = PrometheusScrape.values("logrouter_source_lag_records",
                    Map.of("source", "kafka", "route", "e2e-aggregator"));
            assertFalse(lags.isEmpty(), "the aggregator reports its lag");
            assertTrue(lags.stream().allMatch(lag -> lag == 0), "lags " + lags);
        });
        List<Double> ages = PrometheusScrape.values("logrouter_source_checkpoint_age_seconds",
                Map.of("source", "tail", "route", "e2e-node-agent"));
        assertEquals(1, ages.size());
        assertTrue(ages.get(0) < 30, "checkpoint age " + ages);

        try (ArchiveBucket bucket = new ArchiveBucket(config.getValue("logrouter.s3.bucket", String.class))) {
            Map<String, List<JsonNode>> objects = bucket.lines();
            List<JsonNode> archived = objects.values().stream().flatMap(List::stream).toList();
            assertEquals(EVENTS, archived.size(), "each event archived once");
            assertEquals(allSeqs(), seqs(archived));
            assertEquals(ids, archived.stream().map(line -> line.get("_id").asText()).collect(Collectors.toSet()),
                    "Elasticsearch and S3 hold the events under the node agent's ids");
            for (Map.Entry<String, List<JsonNode>> object : objects.entrySet()) {
                for (JsonNode line : object.getValue()) {
                    assertTrue(object.getKey().startsWith(config.getValue("e2e.prefix", String.class)
                            + "/service=" + line.get("service").get("name").asText() + "/dt=2026-11-26/hour=10/"),
                            object.getKey());
                }
            }
        }
    }

    private static Set<Integer> allSeqs() {
        return IntStream.range(0, EVENTS).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Integer> seqs(List<JsonNode> documents) {
        List<Integer> seqs = documents.stream().map(document -> document.get("seq").asInt()).toList();
        assertEquals(seqs.size(), new TreeSet<>(seqs).size(), "no event twice");
        return new TreeSet<>(seqs);
    }

    public static class TwoTiers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String run = UUID.randomUUID().toString();
            Path state = Path.of("target/it/e2e-" + run).toAbsolutePath();
            return Map.of(
                    "logrouter.routes.dir", "src/test/resources/io/logrouter/e2e/routes",
                    "logrouter.routes.allowed-settings", "logrouter.,e2e.",
                    "e2e.run", run,
                    "e2e.tail.include", state.resolve("*.log").toString(),
                    "e2e.tail.registry", state.resolve("registry.json").toString(),
                    "e2e.topic", "it-e2e-" + run,
                    "e2e.group", "it-e2e-" + run,
                    "e2e.index", "it-e2e-" + run,
                    "e2e.prefix", "e2e-" + run);
        }
    }
}
