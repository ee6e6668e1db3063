package io.logrouter.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * routes/examples/kubernetes-node-agent.yaml on kubelet-named CRI files: the shared checkout sample (partial chunks,
 * a stack trace, plain text with personal data, a broken JSON line) and generated JSON logs, read back from
 * Elasticsearch, one index per namespace.
 */
class KubernetesNodeAgentExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENERATED_FILE =
            "loadgen-5d9c7b-q8x2w_perf_app-" + "ab".repeat(32) + ".log";

    @TempDir
    Path dir;

    @RegisterExtension
    final IndexedDocuments elasticsearch = new IndexedDocuments("it-example-node");
    private final String index = elasticsearch.prefix();

    @Test
    void containerLogsAreIndexedPerNamespaceParsedNormalizedAndRedacted() throws Exception {
        Path containers = Files.createDirectories(dir.resolve("containers"));
        Path checkout = GeneratedLogs.sample("checkout-");
        Files.copy(checkout, containers.resolve(checkout.getFileName()));
        List<String> generated = GeneratedLogs.generate("cri", 300, 7);
        Files.write(containers.resolve(GENERATED_FILE), generated, StandardCharsets.UTF_8);
        Files.writeString(containers.resolve("log-router-x_logging_router-" + "cd".repeat(32) + ".log"),
                "2026-11-24T10:00:00.000000000Z stdout F {\"message\":\"the router's own log\"}\n");

        try (ExampleRoutes routes = ExampleRoutes.start("routes/examples/kubernetes-node-agent.yaml", Map.of(
                "logrouter.example.node.include", containers + "/*.log",
                "logrouter.example.node.exclude", containers + "/log-router-*.log",
                "logrouter.example.node.registry", dir.resolve("registry.json").toString(),
                "logrouter.example.node.index", index))) {
            elasticsearch.awaitCount(index + "-*", 305);
        }

        List<ObjectNode> perf = elasticsearch.all(index + "-perf-2026.11.24");
        assertEquals(300, perf.size());
        assertEquals(300, perf.stream().map(doc -> doc.get("seq").asInt()).collect(Collectors.toSet()).size());
        Map<Integer, JsonNode> written = generated.stream().map(KubernetesNodeAgentExampleTest::payload)
                .collect(Collectors.toMap(p -> p.get("seq").asInt(), p -> p));
        for (ObjectNode doc : perf) {
            JsonNode original = written.get(doc.get("seq").asInt());
            assertEquals(original.get("level").asText().toLowerCase(), doc.at("/log/level").asText());
            assertEquals(original.get("@timestamp").asText(), doc.get("@timestamp").asText());
            assertEquals(original.get("message").asText(), doc.get("message").asText());
            assertEquals("perf", doc.at("/kubernetes/namespace").asText());
            assertEquals("loadgen-5d9c7b-q8x2w", doc.at("/kubernetes/pod/name").asText());
            assertFalse(doc.has("tags"), doc.toString());
        }

        List<ObjectNode> shop = elasticsearch.all(index + "-shop-2026.11.24");
        shop.sort(Comparator.comparing((ObjectNode doc) -> doc.at("/log/offset").asLong()));
        assertEquals(5, shop.size(), shop.toString());
        assertEquals(Set.of("checkout-7d9f8b6c5-x2kqz"),
                shop.stream().map(doc -> doc.at("/kubernetes/pod/name").asText()).collect(Collectors.toSet()));

        ObjectNode order = shop.get(0);
        assertEquals("order placed order_id=A-1001 amount=42.50", order.get("message").asText());
        assertEquals("info", order.at("/log/level").asText());
        assertEquals("com.shop.checkout.Api", order.get("logger").asText());
        assertEquals("2026-11-24T10:00:00.000Z", order.get("@timestamp").asText());

        assertEquals("a very long line split by the runtime into three partial chunks, of which this is the last",
                shop.get(1).get("message").asText(), "the runtime's partial chunks are one event");

        String payment = shop.get(2).get("message").asText();
        assertTrue(payment.startsWith("2026-11-24 10:00:01,500 ERROR") && payment.endsWith("\t... 12 more"),
                "the stack trace is part of its log line: " + payment);
        assertTags(shop.get(2), "parse_failure");

        assertEquals("plain text line that is not JSON user=[REDACTED:email] card=[REDACTED:card]",
                shop.get(3).get("message").asText());
        assertEquals("2026-11-24T10:00:02.000Z", shop.get(3).get("@timestamp").asText(),
                "without a time in the payload, the runtime's time");

        assertTags(shop.get(4), "parse_failure");
        assertTrue(shop.get(4).get("message").asText().startsWith("{\"level\":\"WARN\",\"msg\":\"broken json line\""));

        assertEquals(0, elasticsearch.all(index + "-logging-*").size(), "the router's own log is excluded");
    }

    private static JsonNode payload(String criLine) {
        try {
            return JSON.readTree(criLine.split(" ", 4)[3]);
        } catch (Exception e) {
            throw new AssertionError(criLine, e);
        }
    }

    private static void assertTags(JsonNode doc, String... tags) {
        List<String> values = new ArrayList<>();
        doc.path("tags").forEach(tag -> values.add(tag.asText()));
        assertEquals(List.of(tags), values, doc.toString());
    }
}
