package io.logrouter.sources.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.it.ElasticsearchQueries;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Floods with the production limits (10 MB bodies, a 100 MB budget, 32 requests in flight) and authentication on,
 * against the real Elasticsearch: clients without a token take nothing from the memory budget, and gzip bodies are
 * counted by what they inflate to, so neither flood keeps a shipper with a token from being answered and written.
 *
 * <p>The test JVM's heap is a quarter of the machine's memory (gigabytes), so an exhausted heap cannot be what
 * fails here: the flood runs at its full size, and what is asserted is the budget, which never lends more than
 * 100 MB, and the answers.
 */
@QuarkusTest
@TestProfile(HttpIngestFloodTest.ProductionLimitsWithAuth.class)
class HttpIngestFloodTest {

    public static final class ProductionLimitsWithAuth implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "logrouter.http.auth.enabled", "true",
                    "logrouter.http.auth.tokens", TOKEN,
                    "quarkus.http.limits.max-body-size", "10M",
                    "logrouter.http.max-bodies-in-memory", "100M");
        }
    }

    private static final String TOKEN = "flood-test-token";
    private static final int BUDGET_KIB = 100 * 1024;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/ingest/ndjson")
    URI ingestNdjson;

    @Inject
    RequestBodyAdmission admission;

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final String run = UUID.randomUUID().toString();

    @Test
    void unauthenticatedBodiesTakeNoBudgetAndAShipperWithATokenIsServedMeanwhile() throws Exception {
        byte[] nineMegabytes = new byte[9 * 1000 * 1000];
        Arrays.fill(nineMegabytes, (byte) 'x');
        ExecutorService attackers = Executors.newFixedThreadPool(16);
        List<Future<Integer>> floods = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            floods.add(attackers.submit(() -> post(HttpRequest.BodyPublishers.ofByteArray(nineMegabytes), null,
                    null)));
        }
        int lowestBudget = BUDGET_KIB;
        int shipped = 0;
        try {
            while (floods.stream().anyMatch(flood -> !flood.isDone()) || shipped == 0) {
                lowestBudget = Math.min(lowestBudget, admission.availableKibibytes());
                String line = "{\"run\":\"" + run + "\",\"message\":\"during the flood " + shipped + "\"}\n";
                assertEquals(200, post(HttpRequest.BodyPublishers.ofString(line), TOKEN, null), "a shipper");
                shipped++;
            }
        } finally {
            attackers.shutdown();
            assertTrue(attackers.awaitTermination(5, TimeUnit.MINUTES));
        }

        Map<Integer, Integer> answers = new TreeMap<>();
        for (Future<Integer> flood : floods) {
            answers.merge(flood.get(), 1, Integer::sum);
        }
        assertEquals(Map.of(401, 100), answers, "every request without a token is refused");
        assertTrue(lowestBudget > BUDGET_KIB - 1024, "the flood took " + (BUDGET_KIB - lowestBudget) + " KiB");
        List<JsonNode> written = elasticsearch.search("it-http", run, "run");
        assertEquals(shipped, written.size(), "every event answered 200 is in Elasticsearch");
    }

    @Test
    void gzipBodiesAreCountedByWhatTheyInflateTo() throws Exception {
        // 50 MB of blank lines: about 50 KB of gzip each, 1.6 GB inflated for the 32 together
        byte[] inflatesTo50Megabytes = gzipOfNewlines(50 * 1000 * 1000);
        assertTrue(inflatesTo50Megabytes.length < 1024 * 1024);
        ExecutorService shippers = Executors.newFixedThreadPool(32);
        List<Future<HttpResponse<String>>> bombs = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            bombs.add(shippers.submit(() -> CLIENT.send(request(
                    HttpRequest.BodyPublishers.ofByteArray(inflatesTo50Megabytes), TOKEN, "gzip"),
                    HttpResponse.BodyHandlers.ofString())));
        }
        shippers.shutdown();
        assertTrue(shippers.awaitTermination(5, TimeUnit.MINUTES));

        for (Future<HttpResponse<String>> bomb : bombs) {
            HttpResponse<String> answer = bomb.get();
            assertTrue(answer.statusCode() == 413 || answer.statusCode() == 429, answer.statusCode() + " "
                    + answer.body());
            if (answer.statusCode() == 429) {
                assertEquals("1", answer.headers().firstValue("Retry-After").orElse(null));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> admission.availableKibibytes() == BUDGET_KIB);
        String line = "{\"run\":\"" + run + "\",\"message\":\"after the bombs\"}\n";
        assertEquals(200, post(HttpRequest.BodyPublishers.ofByteArray(gzip(line)), TOKEN, "gzip"));
        assertEquals(1, elasticsearch.search("it-http", run, "run").size());
    }

    private int post(HttpRequest.BodyPublisher body, String token, String encoding) throws Exception {
        return CLIENT.send(request(body, token, encoding), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(HttpRequest.BodyPublisher body, String token, String encoding) {
        HttpRequest.Builder request = HttpRequest.newBuilder(ingestNdjson).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return request.build();
    }

    private static byte[] gzipOfNewlines(int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] newlines = new byte[1024 * 1024];
        Arrays.fill(newlines, (byte) '\n');
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            for (int written = 0; written < length; written += newlines.length) {
                zip.write(newlines, 0, Math.min(newlines.length, length - written));
            }
        }
        return out.toByteArray();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
