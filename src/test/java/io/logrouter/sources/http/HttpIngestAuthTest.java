package io.logrouter.sources.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.logrouter.it.ElasticsearchQueries;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** HTTP ingest with authentication on, as in production: only a configured token gets a request in. */
@QuarkusTest
@TestProfile(HttpIngestAuthTest.AuthOn.class)
class HttpIngestAuthTest {

    public static final class AuthOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logrouter.http.auth.enabled", "true", "logrouter.http.auth.tokens", "old-token, new-token");
        }
    }

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final String run = UUID.randomUUID().toString();

    private byte[] event() {
        return ("{\"run\":\"" + run + "\",\"message\":\"authenticated\"}\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void requestsWithoutAValidTokenAreRefusedAndIndexNothing() throws Exception {
        given().body(event()).contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(BearerTokenAuth.CHALLENGE))
                .body("error.type", equalTo("security_exception"));
        given().header("Authorization", "Bearer new-tokeN").body(event()).contentType("application/x-ndjson")
                .when().post("/_bulk")
                .then().statusCode(401);
        given().when().get("/").then().statusCode(401);
        assertEquals(0, elasticsearch.search("it-http", run, "run").size());
    }

    @Test
    void eachConfiguredTokenGetsIn() throws Exception {
        given().header("Authorization", "Bearer new-token").body(event()).contentType("application/x-ndjson")
                .when().post("/ingest/ndjson")
                .then().statusCode(200)
                .header("Authorization", nullValue())
                .body("accepted", equalTo(1));
        assertEquals(1, elasticsearch.search("it-http", run, "run").size());

        // Basic with the token as password, for shippers whose Elasticsearch output knows no other scheme
        String basic = Base64.getEncoder().encodeToString("fluent-bit:old-token".getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic)
                .when().get("/")
                .then().statusCode(200).body("version.number", equalTo("8.19.0"));
    }
}
