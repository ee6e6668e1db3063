package io.logrouter.chaos;

import static io.logrouter.chaos.HostileInput.tags;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.it.ElasticsearchQueries;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile request bodies to the shipped HTTP ingest route, each between requests of good seq-numbered events, in the
 * packaged router with the aggregator Deployment's memory (a 1 GiB limit, heap at half of it): a 10 MB line, a body
 * over the 10 MiB limit, invalid UTF-8, JSON nested 100 000 levels deep (NDJSON and JSON endpoints) and a gzip bomb.
 * Every good event must be in Elasticsearch exactly once, every bad input answered 4xx or kept with its marker, and
 * the router alive, live and within its memory limit throughout.
 */
class HostileHttpInputChaos {

    private static final PodMemory MEMORY = PodMemory.AGGREGATOR;
    private static final int LONG_LINE_BYTES = 10_000_000;
    private static final int NESTING = 100_000;

    @RegisterExtension
    final ChaosIndices indices = new ChaosIndices();
    private final ElasticsearchQueries elasticsearch = indices.elasticsearch();
    private final String index = indices.name("hostile-http");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void hostileBodiesAreRefusedOrKeptMarkedAndTheEventsAroundThemArriveExactlyOnce() throws Exception {
        int run = ChaosScale.events(500, 20_000);
        long bombBytes = ChaosScale.full() ? 8L << 30 : 1L << 30;
        try (RouterProcess router = new RouterProcess("hostile-http",
                RoutesFolder.of(dir, "http-ingest.yaml", "dead-letter.yaml"))) {
            router.jvm(MEMORY.heapOption()).env("LOGROUTER_INDEX_HTTP", index).start();
            try (LivenessWatch liveness = new LivenessWatch(router)) {
                // good | 10 MB line | body over the limit | good | invalid UTF-8 (seq events themselves) | good |
                // nested JSON, NDJSON and JSON | good | gzip bomb | good
                List<Integer> goodAnswers = new ArrayList<>();
                goodAnswers.add(postGood(router, 0, run));
                HttpResponse<String> longLine = post(router, "/ingest/ndjson", null,
                        HostileInput.longLine("hostilelongline", LONG_LINE_BYTES));
                HttpResponse<String> overLimit = post(router, "/ingest/ndjson", null,
                        HostileInput.longLine("hostileoverlimit", 11 << 20));
                goodAnswers.add(postGood(router, run, 2 * run));
                HttpResponse<String> invalidUtf8 = post(router, "/ingest/ndjson", null,
                        HostileInput.invalidUtf8Lines(2 * run, 3 * run));
                goodAnswers.add(postGood(router, 3 * run, 4 * run));
                HttpResponse<String> nestedLine = post(router, "/ingest/ndjson", null,
                        HostileInput.nestedJsonLine(NESTING));
                HttpResponse<String> nestedDocument = post(router, "/ingest/json", null,
                        ("[".repeat(NESTING) + "]".repeat(NESTING)).getBytes(StandardCharsets.US_ASCII));
                goodAnswers.add(postGood(router, 4 * run, 5 * run));
                byte[] bomb = HostileInput.gzippedZeros(bombBytes);
                HttpResponse<String> gzipBomb = post(router, "/ingest/ndjson", "gzip", bomb);
                goodAnswers.add(postGood(router, 5 * run, 6 * run));
                int goodEvents = 6 * run;

                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> elasticsearch.count(index) >= goodEvents + 2);
                long peakRss = router.peakRssMebibytes();
                String fared = liveness + "; peak RSS " + peakRss + " MiB (limit " + MEMORY.limitMebibytes() + ")";

                SeqAudit audit = SeqAudit.ofIndex(elasticsearch, index, goodEvents);
                ChaosReport.row("hostile HTTP bodies", "good requests around a 10 MB line, an 11 MiB body, invalid"
                        + " UTF-8, JSON " + NESTING + " levels deep, a gzip bomb; good answers " + goodAnswers,
                        audit, fared);

                List<JsonNode> longLines = elasticsearch.search(index, "hostilelongline", "message");
                int longLineLength = longLines.isEmpty() ? 0
                        : longLines.get(0).path("_source").path("message").asText().length();
                ChaosReport.row("HTTP: 10 MB line", "one NDJSON line of " + LONG_LINE_BYTES + " bytes (under the"
                        + " 10 MiB body limit)", fared, answer(longLine) + "; " + longLines.size() + " document of "
                                + longLineLength + " chars, tags " + tags(longLines));
                ChaosReport.row("HTTP: body over the limit", "one NDJSON line of 11 MiB", fared, answer(overLimit)
                        + "; " + elasticsearch.search(index, "hostileoverlimit", "message").size() + " documents");

                HostileInput.InvalidUtf8Documents utf8 = HostileInput.invalidUtf8Documents(elasticsearch, index);
                ChaosReport.row("HTTP: invalid UTF-8", run + " NDJSON lines with bytes FF FE C3 28 in a string",
                        fared, answer(invalidUtf8) + "; " + utf8.documents() + " documents (in the"
                                + " exactly-once audit), " + utf8.replaced()
                                + " with U+FFFD in place of the bad bytes");

                List<JsonNode> nested = elasticsearch.search(index, "nesting", "error.message");
                ChaosReport.row("HTTP: deeply nested JSON", "{\"a\": x " + NESTING + " as an NDJSON line; [ x "
                        + NESTING + " to /ingest/json", fared, "NDJSON " + answer(nestedLine) + ", "
                                + nested.size() + " document tagged " + tags(nested) + "; JSON "
                                + answer(nestedDocument));
                ChaosReport.row("HTTP: gzip bomb", (bomb.length >> 10) + " KiB of gzip inflating to "
                        + (bombBytes >> 20) + " MiB", fared, answer(gzipBomb));

                assertAll(
                        () -> assertTrue(audit.exactlyOnce(), audit.toString()),
                        () -> assertTrue(goodAnswers.stream().allMatch(status -> status == 200),
                                "good requests answered " + goodAnswers),
                        () -> assertEquals(200, longLine.statusCode(), answer(longLine)),
                        () -> assertTrue(longLine.body().contains("\"line\":1"), "reported: " + answer(longLine)),
                        () -> assertEquals(1, longLines.size(), "the 10 MB line as one document"),
                        () -> assertTrue(tags(longLines).contains("parse_failure"), "tags " + tags(longLines)),
                        () -> assertEquals(413, overLimit.statusCode(), answer(overLimit)),
                        () -> assertEquals(200, invalidUtf8.statusCode(), answer(invalidUtf8)),
                        () -> assertEquals(run, utf8.documents(), "invalid UTF-8 lines"),
                        () -> assertEquals(run, utf8.replaced(), "U+FFFD in place of invalid bytes"),
                        () -> assertEquals(200, nestedLine.statusCode(), answer(nestedLine)),
                        () -> assertTrue(nestedLine.body().contains("\"line\":1"), "reported: "
                                + answer(nestedLine)),
                        () -> assertEquals(1, nested.size(), "the nested line, kept with its marker"),
                        () -> assertTrue(tags(nested).contains("parse_failure"), "tags " + tags(nested)),
                        () -> assertEquals(400, nestedDocument.statusCode(), answer(nestedDocument)),
                        () -> assertEquals(413, gzipBomb.statusCode(), answer(gzipBomb)),
                        () -> assertEquals(0, liveness.failures(), liveness.toString()),
                        () -> assertTrue(router.isAlive(), "router died"),
                        () -> assertTrue(peakRss < MEMORY.limitMebibytes(), "peak RSS " + peakRss + " MiB"));
            }
        }
    }

    private int postGood(RouterProcess router, int from, int to) throws IOException, InterruptedException {
        return post(router, "/ingest/ndjson", null, SeqEvents.lines(from, to)).statusCode();
    }

    private HttpResponse<String> post(RouterProcess router, String path, String encoding, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(router.uri(path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String answer(HttpResponse<String> response) {
        String body = response.body();
        return response.statusCode() + " " + (body.length() > 160 ? body.substring(0, 160) + "..." : body);
    }
}
