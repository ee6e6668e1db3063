package io.logrouter.sources.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logrouter.it.ElasticsearchProxy;
import io.logrouter.sources.SinkDownRoutes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The router running routes files (test resources) whose Elasticsearch sink is down and whose error handling
 * swallows the failure (onException handled with an answer of its own, a dead-letter channel to log:): the client
 * gets 503 with Retry-After, never a 2xx, and nothing is written; once Elasticsearch is back, the same request is
 * answered 200 and every event is there once. The router reaches the real Elasticsearch through a proxy the test
 * closes and reopens.
 */
@QuarkusTest
@TestProfile(HttpAnswersSettledBatchesTest.SwallowingRoutes.class)
class HttpAnswersSettledBatchesTest {

    private static final int EVENTS = 20;

    @ParameterizedTest
    @CsvSource({"/settle/handled, it-settle-http-handled",
            "/settle/dead-letter-channel, it-settle-http-channel"})
    void aRequestNoSinkSettledIsNotAnswered2xx(String path, String index) throws Exception {
        SinkDownRoutes.deleteIndex(index);
        String body = IntStream.range(0, EVENTS).mapToObj(seq -> "{\"seq\":" + seq + ",\"run\":\"" + UUID.randomUUID()
                + "\"}").collect(Collectors.joining("\n", "", "\n"));
        ElasticsearchProxy.proxy.close();
        try {
            given().body(body.getBytes(StandardCharsets.UTF_8)).contentType("application/x-ndjson").when().post(path)
                    .then().statusCode(503).header("Retry-After", notNullValue());
            assertEquals(List.of(), SinkDownRoutes.seqs(index));

            ElasticsearchProxy.proxy.reopen();
            given().body(body.getBytes(StandardCharsets.UTF_8)).contentType("application/x-ndjson").when().post(path)
                    .then().statusCode(200).body("accepted", equalTo(EVENTS));
            assertEquals(IntStream.range(0, EVENTS).boxed().toList(), SinkDownRoutes.seqs(index), "every event once");
        } finally {
            ElasticsearchProxy.proxy.reopen();
            SinkDownRoutes.deleteIndex(index);
        }
    }

    /** Only the test's routes files, Elasticsearch behind the proxy. */
    public static class SwallowingRoutes implements QuarkusTestProfile {

        private static final Path ROUTES = Path.of("target/it/settle-http-" + UUID.randomUUID()).toAbsolutePath();

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(ROUTES);
                for (String file : List.of("http-handled.yaml", "http-dead-letter-channel.yaml")) {
                    try (InputStream in = HttpAnswersSettledBatchesTest.class.getResourceAsStream(
                            "/io/logrouter/sources/settle/http/" + file)) {
                        Files.copy(in, ROUTES.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("logrouter.routes.dir", ROUTES.toString());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ElasticsearchProxy.class));
        }
    }
}
