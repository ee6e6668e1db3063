package io.logrouter.health;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.logrouter.it.ElasticsearchProxy;
import io.logrouter.it.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Readiness turns down while Elasticsearch does not answer and up again when it does. The router reaches the real
 * Elasticsearch through a proxy the test closes and reopens, so the shared server itself keeps running.
 */
@QuarkusTest
@TestProfile(ReadinessFollowsElasticsearchTest.ThroughProxy.class)
class ReadinessFollowsElasticsearchTest {

    @Test
    void readinessFollowsElasticsearchReachability() throws Exception {
        awaitReadiness(200, "UP");
        ElasticsearchProxy.proxy.close();
        awaitReadiness(503, "DOWN");
        ElasticsearchProxy.proxy.reopen();
        awaitReadiness(200, "UP");
    }

    private static void awaitReadiness(int status, String check) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                ManagementPort.withToken().when().get("/q/health/ready").then().statusCode(status)
                        .body("checks.findAll { it.name == 'elasticsearch-bulk' }.status", hasItem(check)));
    }

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ElasticsearchProxy.class));
        }
    }
}
