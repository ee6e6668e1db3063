package io.logrouter.sources.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What stands between a client and the sinks, with authentication on as in production, one request at a time, and
 * Elasticsearch out of reach (a port nothing listens on): a request without a configured token is refused at once;
 * one with a token gets through to the sink and, since nothing could be written, is answered 503 once the short
 * retry budget is spent; a request arriving meanwhile is answered 429. Never a 2xx for events not written.
 */
@QuarkusTest
@TestProfile(HttpIngestGuardsTest.AuthOnSinkDownOneAtATime.class)
class HttpIngestGuardsTest {

    public static final class AuthOnSinkDownOneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "logrouter.http.auth.enabled", "true",
                    "logrouter.http.auth.tokens", "old-token, new-token",
                    "camel.component.elasticsearch-bulk.hosts", "http://127.0.0.1:9",
                    "logrouter.http.retry-budget-millis", "2000",
                    "logrouter.http.max-in-flight", "1",
                    // nothing for the file tail to deliver to the unreachable sink while this profile runs
                    "logrouter.tail.include", Path.of("target/it/guards-none/*.log").toAbsolutePath().toString(),
                    "logrouter.tail.registry", Path.of("target/it/guards.json").toAbsolutePath().toString());
        }
    }

    private static final byte[] EVENT = "{\"message\":\"never written\"}\n".getBytes(StandardCharsets.UTF_8);

    private static CompletableFuture<Response> postWithToken() {
        return CompletableFuture.supplyAsync(() -> given().header("Authorization", "Bearer new-token")
                .body(EVENT).contentType("application/x-ndjson")
                .when().post("/ingest/ndjson"));
    }

    @Test
    void requestsWithoutAConfiguredTokenAreRefused() {
        given().body(EVENT).contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(BearerTokenAuth.CHALLENGE))
                .body("error.type", equalTo("security_exception"));
        given().header("Authorization", "Bearer new-tokeN").body(EVENT).contentType("application/x-ndjson")
                .when().post("/_bulk")
                .then().statusCode(401);
        given().when().get("/").then().statusCode(401);

        // Basic with the token as password, for shippers whose Elasticsearch output knows no other scheme
        String basic = Base64.getEncoder().encodeToString("fluent-bit:old-token".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) { // each answer returns the only permit
            given().header("Authorization", "Basic " + basic)
                    .when().get("/")
                    .then().statusCode(200).body("version.number", equalTo("8.19.0"));
        }
    }

    @Test
    void aSaturatedRouterAnswers429AndAnUnreachableSink503BothWithRetryAfter() throws Exception {
        CompletableFuture<Response> first = postWithToken();
        CompletableFuture<Response> second = postWithToken();
        Response[] responses = {first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)};

        Set<Integer> statuses = Stream.of(responses).map(Response::statusCode).collect(Collectors.toSet());
        assertEquals(Set.of(429, 503), statuses);
        for (Response response : responses) {
            assertEquals(response.statusCode() == 429 ? "1" : "5", response.header("Retry-After"));
            assertEquals(response.statusCode(), response.jsonPath().getInt("status"));
        }

        // the permit came back with the 503: the next request gets in, and fails the same way
        assertEquals(503, postWithToken().get(30, TimeUnit.SECONDS).statusCode());
    }
}
