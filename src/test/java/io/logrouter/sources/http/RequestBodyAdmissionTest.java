package io.logrouter.sources.http;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.StreamResetException;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies are counted as they arrive, over every protocol the port speaks: HTTP/1.1 with a Content-Length (refused
 * before it is sent), HTTP/1.1 chunked and HTTP/2 cleartext with prior knowledge (refused the moment the count
 * passes the cap or the budget, before the client has finished sending). A body that does not arrive within the
 * deadline costs its client the connection (HTTP/1.1) or the stream (HTTP/2), and every refused or cut request gives
 * its share of the budget back.
 */
@QuarkusTest
@TestProfile(RequestBodyAdmissionTest.SmallBudget.class)
class RequestBodyAdmissionTest {

    /** A 4 MiB budget, the test body limit of 2 MiB, a 3 s deadline. */
    public static final class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logrouter.http.max-bodies-in-memory", "4M", "logrouter.http.body-timeout", "3s");
        }
    }

    private static final int BUDGET_KIB = 4 * 1024;
    private static final int NEARLY_TWO_MIB = 1_900_000;
    private static final byte[] HALF_MEBIBYTE = ("{\"message\":\"" + "x".repeat(512 * 1024) + "\"}\n")
            .getBytes(StandardCharsets.UTF_8);

    @TestHTTPResource("/")
    URI root;

    @Inject
    RequestBodyAdmission admission;

    private Vertx vertx;
    private HttpClient h2c;

    @BeforeEach
    void prepareClient() {
        vertx = Vertx.vertx();
        h2c = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)
                .setDefaultHost(root.getHost())
                .setDefaultPort(root.getPort()));
    }

    @AfterEach
    void closeClientAndSeeTheBudgetBack() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.availableKibibytes() == BUDGET_KIB);
    }

    @Test
    void contentLengthBodiesBeyondTheBudgetAreRefusedBeforeTheyAreReadAndAdmittedOnceItIsFree() throws Exception {
        try (Socket first = startBody(NEARLY_TWO_MIB); Socket second = startBody(NEARLY_TWO_MIB)) {
            awaitBudgetBelow(512);
            // the JDK's client, quick to start: the two bodies above hold the budget only until the deadline
            java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(root.resolve("/ingest/ndjson"))
                            .header("Content-Type", "application/x-ndjson")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(HALF_MEBIBYTE)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(429, refused.statusCode());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            assertTrue(refused.body().contains("request bodies in memory"), refused.body());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().body(HALF_MEBIBYTE)
                .contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(200).body("accepted", equalTo(1)));
    }

    @Test
    void aContentLengthBodyThatDoesNotArriveInTimeCostsItsConnection() throws Exception {
        try (Socket slow = startBody(1_000)) {
            assertClosedWithoutAnswerAfterTheDeadline(slow);
        }
    }

    @Test
    void aChunkedBodyIsCountedAsItArrives() throws Exception {
        // over the body limit: answered 413 while the client is still sending
        try (Socket large = startChunkedBody()) {
            sendChunks(large, 2 * 1024 * 1024 + 1);
            assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine(large));
        }
        // over the budget: two bodies of nearly 2 MiB still being sent hold it, a third is answered 429
        try (Socket first = startChunkedBody(); Socket second = startChunkedBody(); Socket third = startChunkedBody()) {
            sendChunks(first, NEARLY_TWO_MIB);
            sendChunks(second, NEARLY_TWO_MIB);
            awaitBudgetBelow(512);
            sendChunks(third, 1024 * 1024);
            assertEquals("HTTP/1.1 429 Too Many Requests", statusLine(third));
        }
    }

    @Test
    void aChunkedBodyThatDoesNotArriveInTimeCostsItsConnection() throws Exception {
        try (Socket slow = startChunkedBody()) {
            sendChunks(slow, 100);
            assertClosedWithoutAnswerAfterTheDeadline(slow);
        }
    }

    @Test
    void anHttp2BodyOverTheLimitIsRefusedBeforeItEnds() throws Exception {
        HttpClientRequest large = startH2cBody();
        write(large, 2 * 1024 * 1024 + 1);
        Answer answer = answerTo(large);
        assertEquals(HttpVersion.HTTP_2, answer.version());
        assertEquals(413, answer.status());
        assertTrue(answer.body().contains("request_entity_too_large"), answer.body());
    }

    @Test
    void anHttp2BodyBeyondTheBudgetIsRefusedWithRetryAfter() throws Exception {
        HttpClientRequest first = startH2cBody();
        HttpClientRequest second = startH2cBody();
        write(first, NEARLY_TWO_MIB);
        write(second, NEARLY_TWO_MIB);
        awaitBudgetBelow(512);

        HttpClientRequest third = startH2cBody();
        write(third, 1024 * 1024);
        Answer answer = answerTo(third);
        assertEquals(429, answer.status());
        assertEquals("1", answer.retryAfter());

        first.reset();
        second.reset();
        await().atMost(Duration.ofSeconds(10)).until(() -> admission.availableKibibytes() == BUDGET_KIB);
        HttpClientRequest afterwards = startH2cBody();
        afterwards.end(Buffer.buffer(HALF_MEBIBYTE));
        assertEquals(200, answerTo(afterwards).status());
    }

    @Test
    void anHttp2BodyThatDoesNotArriveInTimeLosesItsStream() throws Exception {
        HttpClientRequest slow = startH2cBody();
        write(slow, 100);
        long start = System.nanoTime();
        ExecutionException cut = assertThrows(ExecutionException.class, () -> slow.response()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertInstanceOf(StreamResetException.class, cut.getCause());
        assertTrue(waited.toMillis() >= 2_000 && waited.toMillis() < 9_000, "reset after " + waited);
    }

    private void awaitBudgetBelow(int kibibytes) {
        await().atMost(Duration.ofSeconds(5)).until(() -> admission.availableKibibytes() < kibibytes);
    }

    /** A POST whose headers declare {@code length} bytes, of which only the first few are sent. */
    private Socket startBody(int length) throws IOException {
        return startRequest("Content-Length: " + length + "\r\n", "{\"mess");
    }

    private Socket startChunkedBody() throws IOException {
        return startRequest("Transfer-Encoding: chunked\r\n", "");
    }

    private Socket startRequest(String framing, String firstBytes) throws IOException {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("POST /ingest/ndjson HTTP/1.1\r\nHost: " + root.getHost()
                + "\r\nContent-Type: application/x-ndjson\r\n" + framing + "\r\n" + firstBytes)
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Sends {@code total} bytes as chunks of 64 KiB, without the last chunk. */
    private static void sendChunks(Socket socket, int total) throws IOException {
        OutputStream out = socket.getOutputStream();
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (int sent = 0; sent < total; sent += chunk.length) {
            int length = Math.min(chunk.length, total - sent);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk, 0, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    private static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
    }

    private static void assertClosedWithoutAnswerAfterTheDeadline(Socket socket) throws IOException {
        long start = System.nanoTime();
        int read = socket.getInputStream().read();
        assertEquals(-1, read, "closed without an answer");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(waited.toMillis() >= 2_000 && waited.toMillis() < 9_000, "closed after " + waited);
    }

    private HttpClientRequest startH2cBody() throws Exception {
        HttpClientRequest request = h2c.request(HttpMethod.POST, "/ingest/ndjson")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        request.putHeader("Content-Type", "application/x-ndjson").setChunked(true);
        return request;
    }

    /** Writes {@code total} bytes to the stream without ending it. */
    private static void write(HttpClientRequest request, int total) throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (int sent = 0; sent < total; sent += chunk.length) {
            request.write(Buffer.buffer(chunk).slice(0, Math.min(chunk.length, total - sent)));
        }
    }

    /** The answer, read whole on the client's event loop as it arrives (a body not asked for at once is lost). */
    private static Answer answerTo(HttpClientRequest request) throws Exception {
        return request.response()
                .compose(response -> response.body().map(body -> new Answer(response.version(),
                        response.statusCode(), response.getHeader("Retry-After"), body.toString())))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private record Answer(HttpVersion version, int status, String retryAfter, String body) {
    }
}
