package io.logrouter.reload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.it.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Routes reloaded while traffic flows, against the real Elasticsearch of the local stack: every event lands exactly
 * once, in the index of the route version that processed it; a broken file changes nothing but the reports.
 */
@QuarkusTest
@TestProfile(RouteReloadTestProfile.class)
class RouteReloadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROUTES = RouteReloadTestProfile.ROUTES;

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final String run = UUID.randomUUID().toString();

    @Test
    void tailedEventsSurviveAChangedAnAddedAndADeletedRoute() throws Exception {
        Path logs = Files.createDirectories(RouteReloadTestProfile.ROOT.resolve("logs-" + run));
        Path addedLogs = Files.createDirectories(RouteReloadTestProfile.ROOT.resolve("added-" + run));
        Files.createDirectories(ROUTES);
        Path tailFile = ROUTES.resolve("reload-tail.yaml");
        awaitLoaded(write(tailFile, tailRoute("reload-tail", logs, "v1")));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> appendUntilStopped(logs.resolve("app.log"), writing, written));
        writer.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> count(index("v1")) > 0);
            awaitLoaded(write(tailFile, tailRoute("reload-tail", logs, "v2")));
            await().atMost(Duration.ofSeconds(30)).until(() -> count(index("v2")) > 0);

            Path added = ROUTES.resolve("reload-added.yaml");
            awaitLoaded(write(added, tailRoute("reload-added", addedLogs, "added")));
            append(addedLogs.resolve("app.log"), 0, 50);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(index("added")) == 50);

            Files.delete(added);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(added) == null);
            append(addedLogs.resolve("app.log"), 50, 70);
        } finally {
            writing.set(false);
            writer.join();
        }

        int events = written.get();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> elasticsearch.search(index("v1") + "," + index("v2"), run, "run").size() >= events);
        Thread.sleep(2_000); // a duplicate or a late event of the deleted route would show up by now
        List<JsonNode> hits = elasticsearch.search(index("v1") + "," + index("v2"), run, "run");
        Map<Integer, String> indexBySeq = new TreeMap<>();
        for (JsonNode hit : hits) {
            JsonNode doc = hit.get("_source");
            String previous = indexBySeq.put(doc.get("seq").asInt(), hit.get("_index").asText());
            assertEquals(null, previous, "seq " + doc.get("seq") + " indexed twice");
            assertEquals(index(doc.path("route").path("version").asText()), hit.get("_index").asText(),
                    "processed by one version, indexed where that version writes");
        }
        assertEquals(IntStream.range(0, events).boxed().toList(), List.copyOf(indexBySeq.keySet()));
        assertTrue(indexBySeq.containsValue(index("v1")) && indexBySeq.containsValue(index("v2")), "both versions");
        assertEquals(50, count(index("added")), "nothing read after the route was deleted");
    }

    @Test
    void aConfigMapSwapIsPickedUpAndABrokenFileChangesNothingButTheReports() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + List.of(record.getParameters() == null
                        ? new Object[0] : record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger(RouteReloader.class.getName()).addHandler(handler);
        KubeletConfigMapFolder configMap = new KubeletConfigMapFolder(ROUTES);
        Path file = ROUTES.resolve("reload-http.yaml");
        try {
            awaitLoaded(publish(configMap, file, httpRoute("v1")));
            post(0, 100);
            awaitLoaded(publish(configMap, file, httpRoute("v2")));
            post(100, 200);

            String broken = httpRoute("v3").replace("elasticsearch-bulk:reload", "elasticsearch-bulkk:reload");
            RouteFile rejected = publish(configMap, file, broken);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(file) != null
                    && rejected.version().equals(status(file).path("lastVersion").asText()));
            JsonNode status = status(file);
            assertEquals("rejected", status.path("lastResult").asText());
            assertEquals(RouteFile.of(file.toString(), httpRoute("v2")).version(), status.path("version").asText());
            JsonNode problem = status.path("problems").get(0);
            assertEquals(17, problem.path("line").asInt(), problem.toString());
            assertTrue(problem.path("message").asText().contains("unknown component 'elasticsearch-bulkk'"));
            assertTrue(logged.stream().anyMatch(line -> line.contains(file + ":17: unknown component")), logged.toString());
            ManagementPort.withToken().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'route-files' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'route-files' }.data.rejected", equalTo(1));
            String metrics = ManagementPort.withToken().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.contains("logrouter_route_reloads_total{file=\"reload-http.yaml\",result=\"rejected\"} 1.0"),
                    metrics.lines().filter(line -> line.startsWith("logrouter_route")).toList().toString());
            post(200, 300); // still v2

            awaitLoaded(publish(configMap, file, httpRoute("v3")));
            post(300, 400);
        } finally {
            Logger.getLogger(RouteReloader.class.getName()).removeHandler(handler);
        }

        assertEquals(seqs(0, 100), seqsIn(index("v1")));
        assertEquals(seqs(100, 300), seqsIn(index("v2")));
        assertEquals(seqs(300, 400), seqsIn(index("v3")));
    }

    private String index(String version) {
        return "reload-" + run + "-" + version;
    }

    private String tailRoute(String id, Path logs, String version) {
        return """
                - beans:
                    - name: %1$sJson
                      type: io.logrouter.transforms.parse.JsonParser
                    - name: %1$sVersion
                      type: io.logrouter.transforms.normalize.StaticFields
                      properties:
                        fields: "route.version=%4$s"

                - route:
                    id: %1$s
                    from:
                      uri: tail:%1$s
                      parameters:
                        include: "%2$s/*.log"
                        registry: "%2$s/registry.json"
                        batchLinger: 50
                        scanInterval: 200
                        pollInterval: 50
                      steps:
                        - process:
                            ref: %1$sJson
                        - process:
                            ref: %1$sVersion
                        - to: "elasticsearch-bulk:reload?index=%3$s"
                """.formatted(id, logs, index(version), version);
    }

    private String httpRoute(String version) {
        return """
                - beans:
                    - name: reloadHttpDecoder
                      type: io.logrouter.sources.http.NdjsonDecoder
                    - name: reloadHttpJson
                      type: io.logrouter.transforms.parse.JsonParser
                    - name: reloadHttpAccepted
                      type: io.logrouter.sources.http.IngestAccepted
                - route:
                    id: reload-http
                    from:
                      uri: platform-http:/it/reload/%s
                      steps:
                        - process:
                            ref: reloadHttpDecoder
                        - process:
                            ref: reloadHttpJson
                        - to: "elasticsearch-bulk:reload?index=%s"
                        - process:
                            ref: reloadHttpAccepted
                """.formatted(run, index(version));
    }

    private RouteFile write(Path file, String content) throws Exception {
        Files.writeString(file, content);
        return RouteFile.of(file.toString(), content);
    }

    private RouteFile publish(KubeletConfigMapFolder configMap, Path file, String content) throws Exception {
        configMap.publish(Map.of(file.getFileName().toString(), content));
        return RouteFile.of(file.toString(), content);
    }

    private void awaitLoaded(RouteFile file) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = status(Path.of(file.location()));
            return status != null && file.version().equals(status.path("version").asText());
        });
    }

    /** The file's entry in the routes endpoint, null when it lists no such file. */
    private JsonNode status(Path file) throws Exception {
        String body = ManagementPort.withToken().get("/admin/routes").then().statusCode(200).extract().asString();
        for (JsonNode status : JSON.readTree(body).path("files")) {
            if (status.path("file").asText().equals(file.toString())) {
                return status;
            }
        }
        return null;
    }

    private void appendUntilStopped(Path log, AtomicBoolean writing, AtomicInteger written) {
        try {
            while (writing.get()) {
                int from = written.get();
                append(log, from, from + 5);
                written.set(from + 5);
                Thread.sleep(25);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void append(Path log, int from, int to) throws Exception {
        String lines = IntStream.range(from, to).mapToObj(this::event).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(log, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void post(int from, int to) {
        String body = IntStream.range(from, to).mapToObj(this::event).collect(Collectors.joining("\n"));
        given().body(body.getBytes(StandardCharsets.UTF_8)).contentType("application/x-ndjson")
                .when().post("/it/reload/" + run)
                .then().statusCode(200).body("accepted", equalTo(to - from));
    }

    private String event(int seq) {
        return "{\"seq\":" + seq + ",\"run\":\"" + run + "\",\"message\":\"event " + seq + "\"}";
    }

    private int count(String index) throws Exception {
        return elasticsearch.search(index, run, "run").size();
    }

    private List<Integer> seqsIn(String index) throws Exception {
        List<Integer> seqs = new ArrayList<>();
        for (JsonNode hit : elasticsearch.search(index, run, "run")) {
            seqs.add(hit.get("_source").get("seq").asInt());
        }
        seqs.sort(null);
        return seqs;
    }

    private static List<Integer> seqs(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }
}
