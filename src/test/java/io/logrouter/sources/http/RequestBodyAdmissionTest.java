package io.logrouter.sources.http;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bodies are admitted before they are read: while two clients are still sending bodies that fill the budget, a third
 * request is answered 429 at once; once they hang up, it gets through; a body that does not arrive within the
 * timeout costs its client the connection.
 */
@QuarkusTest
@TestProfile(RequestBodyAdmissionTest.SmallBudget.class)
class RequestBodyAdmissionTest {

    public static final class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logrouter.http.max-bodies-in-memory", "4M", "logrouter.http.body-timeout", "2s");
        }
    }

    private static final byte[] HALF_MEBIBYTE = ("{\"message\":\"" + "x".repeat(512 * 1024) + "\"}\n")
            .getBytes(StandardCharsets.UTF_8);

    @TestHTTPResource("/")
    URI root;

    @Inject
    RequestBodyAdmission admission;

    @Test
    void bodiesBeyondTheBudgetAreRefusedBeforeTheyAreReadAndAdmittedOnceItIsFree() throws Exception {
        try (Socket first = startBody(1_900_000); Socket second = startBody(1_900_000)) {
            await().atMost(Duration.ofSeconds(1)).until(() -> admission.availableKibibytes() < 512);
            given().body(HALF_MEBIBYTE).contentType("application/x-ndjson")
                    .when().post("/ingest/ndjson")
                    .then().statusCode(429)
                    .header("Retry-After", equalTo("1"))
                    .body("error.reason", containsString("request bodies in memory"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().body(HALF_MEBIBYTE)
                .contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(200).body("accepted", equalTo(1)));
    }

    @Test
    void aBodyThatDoesNotArriveInTimeCostsItsConnection() throws Exception {
        try (Socket slow = startBody(1_000)) {
            slow.setSoTimeout(10_000);
            long start = System.nanoTime();
            int read = slow.getInputStream().read();
            assertEquals(-1, read, "closed without an answer");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(waited.toMillis() >= 1_500 && waited.toMillis() < 9_000,
                    "closed after " + waited);
        }
    }

    /** A POST whose headers declare {@code length} bytes, of which only the first few are sent. */
    private Socket startBody(int length) throws IOException {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.getOutputStream().write(("POST /ingest/ndjson HTTP/1.1\r\nHost: " + root.getHost()
                + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + length + "\r\n\r\n{\"mess")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }
}
