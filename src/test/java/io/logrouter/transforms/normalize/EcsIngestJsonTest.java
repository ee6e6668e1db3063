package io.logrouter.transforms.normalize;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.it.ElasticsearchQueries;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A log4j2 HttpAppender with EcsLayout posts documents such as this one to /ingest/json: dotted keys written flat.
 * The shipped route expands them, so the stored document has each field once, as an object path.
 */
@QuarkusTest
class EcsIngestJsonTest {

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final String run = UUID.randomUUID().toString();

    @Test
    void ecsLayoutDocumentIsStoredWithNestedFields() throws Exception {
        String document = "{\"@timestamp\":\"2026-11-24T10:00:00.123Z\",\"log.level\":\"ERROR\",\"message\":\"payment "
                + "failed\",\"ecs.version\":\"1.2.0\",\"service.name\":\"checkout\",\"event.dataset\":\"checkout.log\","
                + "\"process.thread.name\":\"main\",\"log.logger\":\"com.shop.Pay\",\"run\":\"" + run + "\","
                + "\"log.origin\":{\"file.name\":\"Pay.java\",\"file.line\":42}}";

        given().body(document).contentType("application/json")
                .when().post("/ingest/json")
                .then().statusCode(200).body("accepted", equalTo(1));

        List<JsonNode> hits = elasticsearch.search("it-http", run, "run");
        assertEquals(1, hits.size(), hits.toString());
        JsonNode source = hits.get(0).get("_source");
        assertFalse(source.has("log.level"), source.toString());
        assertFalse(source.has("service.name"), source.toString());
        assertEquals("ERROR", source.at("/log/level").asText());
        assertEquals("com.shop.Pay", source.at("/log/logger").asText());
        assertEquals(42, source.at("/log/origin/file/line").asInt());
        assertEquals("checkout", source.at("/service/name").asText());
        assertTrue(source.at("/process/thread/name").isTextual(), source.toString());
    }
}
