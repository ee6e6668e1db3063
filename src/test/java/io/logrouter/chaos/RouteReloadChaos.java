package io.logrouter.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.it.ElasticsearchQueries;
import io.logrouter.reload.RouteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped file-tail and HTTP ingest routes in the packaged router, reloaded while an application writes to a
 * tailed file and shippers post to the ingest endpoint: the file-tail route gains a processor step, a broken version
 * of it is written (refused: the running one keeps going), it changes a source parameter, the HTTP routes change a
 * parameter under the shippers' requests, and a route file is added, read from and removed. At the end every event of every source is in Elasticsearch exactly once. {@code RouteReloadTest} proves the reload
 * mechanics in-process; this case is about volume: what a reload costs in-flight batches and requests.
 */
class RouteReloadChaos {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RELOAD = Duration.ofSeconds(60);

    @RegisterExtension
    final ChaosIndices indices = new ChaosIndices();
    private final ElasticsearchQueries elasticsearch = indices.elasticsearch();
    private final String filesIndex = indices.name("reload-files");
    private final String httpIndex = indices.name("reload-http");
    private final String addedIndex = indices.name("reload-added");

    @TempDir
    Path dir;

    @Test
    void routesReloadedUnderTrafficLoseAndDuplicateNothing() throws Exception {
        int fileEvents = ChaosScale.events(30_000, 300_000);
        int httpEvents = ChaosScale.events(20_000, 200_000);
        int addedEvents = ChaosScale.events(1_000, 10_000);
        int httpReloads = ChaosScale.events(3, 10);
        int shippers = 8;
        Duration traffic = ChaosScale.duration(Duration.ofSeconds(40), Duration.ofSeconds(180));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path addedLogs = Files.createDirectories(dir.resolve("added"));
        Path routes = RoutesFolder.of(dir, "file-tail.yaml", "http-ingest.yaml", "dead-letter.yaml");
        Path fileTail = routes.resolve("file-tail.yaml");
        Path httpIngest = routes.resolve("http-ingest.yaml");
        Path added = routes.resolve("chaos-added.yaml");
        String shippedFileTail = Files.readString(fileTail);
        String withStep = withVersionStep(shippedFileTail, "v2");
        String broken = edit(withStep, "elasticsearch-bulk:files", "elasticsearch-bulkk:files");
        String withParameter = edit(withVersionStep(shippedFileTail, "v3"),
                "registry: \"{{logrouter.tail.registry}}\"\n",
                "registry: \"{{logrouter.tail.registry}}\"\n        batchSize: 200\n");
        try (RouterProcess router = new RouterProcess("route-reload", routes)) {
            router.env("LOGROUTER_TAIL_INCLUDE", logs + "/*.log")
                    .env("LOGROUTER_TAIL_REGISTRY", dir.resolve("registry.json").toString())
                    .env("LOGROUTER_INDEX_FILES", filesIndex)
                    .env("LOGROUTER_INDEX_HTTP", httpIndex)
                    .env("LOGROUTER_ROUTES_POLL_INTERVAL", "500ms")
                    .start();
            try (LivenessWatch liveness = new LivenessWatch(router);
                    FileTraffic files = new FileTraffic(logs.resolve("app.log"), fileEvents,
                            (int) (fileEvents / traffic.toSeconds()));
                    HttpTraffic http = new HttpTraffic(router.uri("/ingest/ndjson"), httpEvents, 100, shippers,
                            Duration.ofMillis(traffic.toMillis() * shippers * 100 / httpEvents))) {
                awaitGrowth(filesIndex, fileEvents / 10);
                awaitResult(router, publish(fileTail, withStep), "loaded", withStep);
                awaitGrowth(filesIndex, fileEvents / 10);
                awaitResult(router, publish(fileTail, broken), "rejected", withStep);
                awaitGrowth(filesIndex, fileEvents / 10);
                // the file-tail steps come first: reloads of the HTTP routes under load can take their stop timeout
                awaitResult(router, publish(fileTail, withParameter), "loaded", withParameter);
                awaitGrowth(filesIndex, fileEvents / 10);
                String shippedHttp = Files.readString(httpIngest);
                String httpChanged = edit(shippedHttp,
                        "      type: io.logrouter.transforms.parse.JsonParser\n",
                        "      type: io.logrouter.transforms.parse.JsonParser\n      properties:\n"
                                + "        maxNestingDepth: 64\n");
                for (int reload = 1; reload <= httpReloads; reload++) {
                    String next = reload % 2 == 1 ? httpChanged : shippedHttp;
                    awaitResult(router, publish(httpIngest, next), "loaded", next);
                    awaitGrowth(httpIndex, httpEvents / (2 * httpReloads + 4));
                }
                String addedRoute = addedRoute(addedLogs);
                awaitResult(router, publish(added, addedRoute), "loaded", addedRoute);
                Files.write(addedLogs.resolve("app.log"), SeqEvents.lines(0, addedEvents), StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                await().atMost(RELOAD).pollInterval(Duration.ofMillis(500))
                        .until(() -> elasticsearch.count(addedIndex) >= addedEvents);
                Files.delete(added);
                await().atMost(RELOAD).pollInterval(Duration.ofMillis(500)).until(() -> status(router, added) == null);
                // read by nobody now: a route that kept running after its file was removed would index these
                Files.write(addedLogs.resolve("app.log"), SeqEvents.lines(addedEvents, addedEvents + 100),
                        StandardOpenOption.APPEND);

                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> files.done() && http.done());
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> elasticsearch.count(filesIndex) >= fileEvents
                                && elasticsearch.count(httpIndex) >= httpEvents);
                Thread.sleep(3_000); // a late duplicate, or a line the removed route read after all, would show by now
                SeqAudit fileAudit = SeqAudit.ofIndex(elasticsearch, filesIndex, fileEvents);
                SeqAudit httpAudit = SeqAudit.ofIndex(elasticsearch, httpIndex, httpEvents);
                SeqAudit addedAudit = SeqAudit.ofIndex(elasticsearch, addedIndex, addedEvents);
                long v2 = countWhere(filesIndex, "v2");
                long v3 = countWhere(filesIndex, "v3");
                String fared = liveness + "; peak RSS " + router.peakRssMebibytes() + " MiB";
                ChaosReport.row("route reload: file tail", "step added, broken version refused, parameter changed;"
                        + " events by version: none " + (fileEvents - v2 - v3) + ", v2 " + v2 + ", v3 " + v3,
                        fileAudit, fared);
                ChaosReport.row("route reload: HTTP ingest", "http-ingest.yaml changed " + httpReloads
                        + " times under " + shippers + " shippers; answers "
                        + http.statuses() + ", " + http.connectionErrors() + " connection errors", httpAudit, fared);
                ChaosReport.row("route reload: file added, removed", addedEvents + " lines read by an added route,"
                        + " 100 more written after its file was removed", addedAudit, fared);
                assertAll(
                        () -> assertTrue(fileAudit.exactlyOnce(), fileAudit.toString()),
                        () -> assertTrue(httpAudit.exactlyOnce(), httpAudit.toString()),
                        () -> assertTrue(addedAudit.exactlyOnce(), "the removed route's lines: " + addedAudit),
                        () -> assertTrue(v2 > 0 && v3 > 0, "each version processed some: v2 " + v2 + ", v3 " + v3),
                        () -> assertTrue(http.statuses().keySet().stream().allMatch(s -> s == 200 || s == 503),
                                "a swap is answered 503 and retried, never 404 or 500: " + http.statuses()),
                        () -> assertEquals(0, liveness.failures(), liveness.toString()),
                        () -> assertTrue(router.isAlive(), "router died"));
            }
        }
    }

    /** The shipped file-tail route with one more processor step, which labels each event with the route version. */
    private static String withVersionStep(String shipped, String version) {
        String withBean = edit(shipped, "        fields: \"@timestamp,timestamp,time,ts\"\n",
                "        fields: \"@timestamp,timestamp,time,ts\"\n"
                        + "    - name: fileRouteVersion\n"
                        + "      type: io.logrouter.transforms.normalize.StaticFields\n"
                        + "      properties:\n"
                        + "        fields: \"labels.route_version=" + version + "\"\n");
        return edit(withBean, "            ref: fileTimestamp\n",
                "            ref: fileTimestamp\n        - process:\n            ref: fileRouteVersion\n");
    }

    /** Replaces text that must be there: an edit that silently changed nothing would reload nothing. */
    private static String edit(String content, String from, String to) {
        if (!content.contains(from)) {
            throw new IllegalStateException("the shipped route no longer contains " + from);
        }
        return content.replace(from, to);
    }

    private String addedRoute(Path addedLogs) {
        return """
                - beans:
                    - name: chaosAddedJson
                      type: io.logrouter.transforms.parse.JsonParser
                - route:
                    id: chaos-added
                    from:
                      uri: tail:chaos-added
                      parameters:
                        include: "%1$s/*.log"
                        registry: "%1$s/registry.json"
                      steps:
                        - process:
                            ref: chaosAddedJson
                        - to: "elasticsearch-bulk:chaos-added?index=%2$s"
                """.formatted(addedLogs, addedIndex);
    }

    /** Writes a routes file as an editor or the kubelet does: whole, with an atomic rename. */
    private Path publish(Path file, String content) throws IOException {
        Path next = Files.writeString(dir.resolve(file.getFileName() + ".next"), content);
        return Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits until the router tried the file as it is now, with this result, and runs {@code running}. */
    private static void awaitResult(RouterProcess router, Path file, String result, String running)
            throws IOException {
        String tried = RouteFile.of(file.toString(), Files.readString(file)).version();
        String runs = RouteFile.of(file.toString(), running).version();
        await().atMost(RELOAD).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode status = status(router, file);
            return status != null && tried.equals(status.path("lastVersion").asText())
                    && result.equals(status.path("lastResult").asText())
                    && runs.equals(status.path("version").asText());
        });
    }

    /** The file's entry in {@code GET /admin/routes}, null when it lists no such file. */
    private static JsonNode status(RouterProcess router, Path file) throws IOException, InterruptedException {
        for (JsonNode status : JSON.readTree(router.get("/admin/routes")).path("files")) {
            if (status.path("file").asText().equals(file.toString())) {
                return status;
            }
        }
        return null;
    }

    /** Waits for the index to take {@code events} more: the traffic flowed between two reloads. */
    private void awaitGrowth(String index, int events) throws IOException, InterruptedException {
        long before = elasticsearch.count(index);
        await().atMost(RELOAD).pollInterval(Duration.ofMillis(250))
                .until(() -> elasticsearch.count(index) >= before + events);
    }

    private long countWhere(String index, String version) throws IOException, InterruptedException {
        return elasticsearch.send("POST", "/" + index + "/_count", "{\"query\":{\"term\":{\"labels.route_version\":\""
                + version + "\"}}}").path("count").asLong();
    }
}
