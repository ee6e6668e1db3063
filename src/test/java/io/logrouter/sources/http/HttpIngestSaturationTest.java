package io.logrouter.sources.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * HTTP ingest when Elasticsearch is out of reach (a port nothing listens on) and one request at a time is allowed:
 * the request that gets in is answered 503 once the short retry budget is spent, the one that arrives meanwhile 429
 * at once, both with Retry-After, and neither with a 2xx for events that were not written.
 */
@QuarkusTest
@TestProfile(HttpIngestSaturationTest.SinkDownOneAtATime.class)
class HttpIngestSaturationTest {

    public static final class SinkDownOneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "camel.component.elasticsearch-bulk.hosts", "http://127.0.0.1:9",
                    "logrouter.http.retry-budget-millis", "3000",
                    "logrouter.http.max-in-flight", "1",
                    // nothing for the file tail to deliver to the unreachable sink while this profile runs
                    "logrouter.tail.include", Path.of("target/it/saturation-none/*.log").toAbsolutePath().toString(),
                    "logrouter.tail.registry", Path.of("target/it/saturation.json").toAbsolutePath().toString());
        }
    }

    private static CompletableFuture<Response> post() {
        byte[] body = "{\"message\":\"never written\"}\n".getBytes(StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> given().body(body).contentType("application/x-ndjson")
                .when().post("/ingest/ndjson"));
    }

    @Test
    void aSaturatedRouterAnswers429AndAnUnreachableSink503BothWithRetryAfter() throws Exception {
        CompletableFuture<Response> first = post();
        CompletableFuture<Response> second = post();
        Response[] responses = {first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)};

        Set<Integer> statuses = Stream.of(responses).map(Response::statusCode).collect(Collectors.toSet());
        assertEquals(Set.of(429, 503), statuses);
        for (Response response : responses) {
            assertEquals(response.statusCode() == 429 ? "1" : "5", response.header("Retry-After"));
            assertEquals(response.statusCode(), response.jsonPath().getInt("status"));
        }

        // the permit came back with the 503: the next request gets in (and fails the same way)
        assertEquals(503, post().get(30, TimeUnit.SECONDS).statusCode());
    }
}
