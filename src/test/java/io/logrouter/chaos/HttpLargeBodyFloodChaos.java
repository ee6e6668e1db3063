package io.logrouter.chaos;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients posting bodies near the 10 MiB limit at the same moment, without a valid token, to the shipped HTTP
 * ingest route in a router with the aggregator Deployment's memory (a 1 GiB limit, heap at half of it). The body is
 * read before any route step runs, so neither the token check nor the in-flight limit can protect the heap: what
 * the router holds must be bounded before the body is read. It must stay live and under its memory limit, answer
 * every request (401, or 429 with Retry-After), and still take a valid request afterwards. The same holds for
 * authenticated gzip bombs, whose inflated bytes count (413, or 429 with Retry-After).
 */
class HttpLargeBodyFloodChaos {

    private static final PodMemory MEMORY = PodMemory.AGGREGATOR;
    private static final int BODY_BYTES = 9_000_000;

    @RegisterExtension
    final ChaosIndices indices = new ChaosIndices();
    private final String index = indices.name("http-large-body");

    @TempDir
    Path dir;

    @Test
    void concurrentLargeBodiesAreAnsweredWithinTheMemoryLimit() throws Exception {
        int clients = ChaosScale.events(128, 512);
        byte[] body = HostileInput.longLine("hostilelargebody", BODY_BYTES);
        flood("HTTP: large bodies at once", clients + " clients posting " + BODY_BYTES
                + " bytes each at once, wrong token", clients, "Bearer wrong-token", null, body, Set.of("401", "429"));
    }

    /**
     * Authenticated clients, so that each body passes the token check and is inflated: what a body takes from the
     * budget is its inflated size, so 32 bombs of 50 MB cannot take 1.6 GB of a 512 MiB heap.
     */
    @Test
    void concurrentGzipBombsAreAnsweredWithinTheMemoryLimit() throws Exception {
        int clients = 32;
        long inflated = 50_000_000;
        byte[] bomb = HostileInput.gzippedZeros(inflated);
        flood("HTTP: gzip bombs at once", clients + " clients posting " + (bomb.length >> 10) + " KiB of gzip inflating"
                + " to " + (inflated / 1_000_000) + " MB each at once, valid token", clients, "Bearer chaos-token",
                "gzip", bomb, Set.of("413", "429"));
    }

    private void flood(String name, String load, int clients, String authorization, String encoding, byte[] body,
            Set<String> expected) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (RouterProcess router = new RouterProcess("http-large-body-flood",
                RoutesFolder.of(dir, "http-ingest.yaml", "dead-letter.yaml"))) {
            router.jvm(MEMORY.heapOption())
                    .env("LOGROUTER_HTTP_AUTH_ENABLED", "true")
                    .env("LOGROUTER_HTTP_TOKENS", "chaos-token")
                    .env("LOGROUTER_INDEX_HTTP", index)
                    .start();
            Map<String, Integer> answers = new TreeMap<>();
            int withoutRetryAfter = 0;
            try (LivenessWatch liveness = new LivenessWatch(router)) {
                ExecutorService senders = Executors.newFixedThreadPool(clients);
                List<Future<HttpResponse<Void>>> sent = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(router.uri("/ingest/ndjson"))
                            .timeout(Duration.ofMinutes(2)).header("Authorization", authorization)
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                    if (encoding != null) {
                        request.header("Content-Encoding", encoding);
                    }
                    sent.add(senders.submit(() -> http.send(request.build(), HttpResponse.BodyHandlers.discarding())));
                }
                senders.shutdown();
                for (Future<HttpResponse<Void>> future : sent) {
                    String answer;
                    try {
                        HttpResponse<Void> response = future.get();
                        answer = Integer.toString(response.statusCode());
                        if (response.statusCode() == 429 && response.headers().firstValue("Retry-After").isEmpty()) {
                            withoutRetryAfter++;
                        }
                    } catch (ExecutionException e) {
                        answer = e.getCause().toString();
                    }
                    answers.merge(answer, 1, Integer::sum);
                }
                int valid = http.send(HttpRequest.newBuilder(router.uri("/ingest/ndjson"))
                        .header("Authorization", "Bearer chaos-token").header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(SeqEvents.lines(0, 10))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                long peakRss = router.peakRssMebibytes();
                String fared = liveness + "; peak RSS " + peakRss + " MiB (limit " + MEMORY.limitMebibytes() + ")";
                int missingRetryAfter = withoutRetryAfter;
                ChaosReport.row(name, load, fared, "answers " + answers + ", " + missingRetryAfter
                        + " 429s without Retry-After; a valid request afterwards: " + valid);
                assertAll(
                        () -> assertTrue(router.isAlive(), "router died"),
                        () -> assertEquals(0, liveness.failures(), liveness.toString()),
                        () -> assertTrue(peakRss < MEMORY.limitMebibytes(), "peak RSS " + peakRss + " MiB"),
                        () -> assertTrue(answers.keySet().stream().allMatch(expected::contains),
                                "every request answered " + expected + ": " + answers),
                        () -> assertEquals(0, missingRetryAfter, "429 without Retry-After"),
                        () -> assertEquals(200, valid, "a valid request after the flood"));
            }
        }
    }
}
