package io.logrouter.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.logrouter.it.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What shippers can reach (the ingest port) serves no metrics, routes report or health details; the management port
 * serves them with the token only, and health probes without it get their status and nothing more.
 */
@QuarkusTest
class ManagementPortTest {

    @Test
    void theIngestPortServesNoneOfIt() {
        assertNotEquals(ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class),
                ManagementPort.port());
        for (String path : new String[] {"/admin/routes", "/q/metrics", "/q/health", "/q/health/ready"}) {
            given().get(path).then().statusCode(404)
                    .body(not(containsString("route-files"))).body(not(containsString("logrouter_")));
        }
    }

    @Test
    void routesReportAndMetricsNeedTheToken() {
        ManagementPort.withToken().get("/admin/routes").then().statusCode(200)
                .body("files.file", hasItem(containsString("http-ingest.yaml")));
        ManagementPort.withToken().get("/q/metrics").then().statusCode(200)
                .body(containsString("logrouter_route_reloads_total"));
        for (String path : new String[] {"/admin/routes", "/q/metrics", "/q/health/group", "/nothing-here"}) {
            ManagementPort.withoutToken().get(path).then().statusCode(401)
                    .header("WWW-Authenticate", containsString("Bearer")).body(not(containsString("logrouter")));
            ManagementPort.withoutToken().header("Authorization", "Bearer not-the-token").get(path).then()
                    .statusCode(401);
        }
    }

    @Test
    void probesWithoutTheTokenGetTheStatusOnly() {
        for (String path : new String[] {"/q/health", "/q/health/live", "/q/health/ready", "/q/health/started"}) {
            ManagementPort.withoutToken().get(path).then().statusCode(200).body(equalTo("{\"status\":\"UP\"}"));
        }
        ManagementPort.withToken().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("route-files")).body("checks.name", hasItem("dead-letter-topic"));
    }
}
