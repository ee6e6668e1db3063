package io.logrouter.sinks.deadletter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.it.ElasticsearchQueries;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A dead-letter outage (the router's Kafka pointed at a closed loopback port; the shared Kafka keeps running)
 * while Elasticsearch refuses an event for good: HTTP ingest answers 503 with Retry-After, within its retry budget,
 * rather than holding the client for a minute and answering 500.
 */
@QuarkusTest
@TestProfile(DeadLetterOutageTest.DeadBroker.class)
class DeadLetterOutageTest {

    @ConfigProperty(name = "logrouter.index.http")
    String index;

    @ConfigProperty(name = "logrouter.http.retry-budget-millis")
    long retryBudgetMillis;

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();

    @Test
    void aDeadLetterOutageAnswers503WithRetryAfterWithinTheBudget() throws Exception {
        elasticsearch.send("PUT", "/" + index, "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"}}}}");
        long start = System.nanoTime();
        given().body("{\"n\":\"not-a-number\"}\n".getBytes(StandardCharsets.UTF_8)).contentType("application/x-ndjson").post("/ingest/ndjson")
                .then().statusCode(503).header("Retry-After", notNullValue())
                .body(containsString("nothing was acknowledged"));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis < retryBudgetMillis, "answered after " + tookMillis + " ms");
        assertEquals(0, elasticsearch.count(index));
    }

    public static class DeadBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0)) {
                // the Kafka source stays off: it would only retry the same closed port
                return Map.of("camel.component.kafka.brokers", "127.0.0.1:" + socket.getLocalPort(),
                        "logrouter.kafka.source.enabled", "false",
                        "logrouter.index.http", "it-dead-letter-outage-" + UUID.randomUUID());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
