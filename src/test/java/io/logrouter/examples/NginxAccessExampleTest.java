package io.logrouter.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * routes/examples/nginx-access.yaml on a Docker json-file log of an nginx container (the shared sample, with an error
 * line among the access lines) and a plain access log with $request_time appended (generated lines), read back from
 * Elasticsearch with typed fields.
 */
class NginxAccessExampleTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final IndexedDocuments elasticsearch = new IndexedDocuments("it-example-nginx");
    private final String index = elasticsearch.prefix();

    @Test
    void accessLinesAreParsedTypedAndTimestamped() throws Exception {
        Path docker = GeneratedLogs.sample("nginx-");
        Files.copy(docker, dir.resolve("nginx-json.log"));
        List<String> plain = new ArrayList<>();
        List<String> generated = GeneratedLogs.generate("nginx", 200, 3);
        for (int i = 0; i < generated.size(); i++) {
            plain.add(generated.get(i) + " 0." + String.format("%03d", i));
        }
        Files.write(dir.resolve("access.log"), plain, StandardCharsets.UTF_8);

        try (ExampleRoutes routes = ExampleRoutes.start("routes/examples/nginx-access.yaml", Map.of(
                "logrouter.example.nginx.include", dir + "/*.log",
                "logrouter.example.nginx.registry", dir.resolve("registry.json").toString(),
                "logrouter.example.nginx.index", index))) {
            elasticsearch.awaitCount(index + "-*", 203);
        }

        List<ObjectNode> docs = elasticsearch.all(index + "-*");
        assertEquals(203, docs.size());
        Map<String, ObjectNode> byOriginal = docs.stream()
                .filter(doc -> doc.has("event"))
                .collect(Collectors.toMap(doc -> doc.at("/event/original").asText(), doc -> doc));

        ObjectNode items = byOriginal.get(
                "10.1.2.3 - - [24/Nov/2026:10:00:00 +0000] \"GET /api/v1/items/42 HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"");
        assertEquals("10.1.2.3", items.at("/source/address").asText());
        assertEquals("GET", items.at("/http/request/method").asText());
        assertEquals("/api/v1/items/42", items.at("/url/original").asText());
        assertEquals(200, numberAt(items, "/http/response/status_code").intValue());
        assertEquals(512, numberAt(items, "/http/response/body/bytes").intValue());
        assertEquals("2026-11-24T10:00:00.000Z", items.get("@timestamp").asText(), "the request's time");
        assertEquals("curl/8.5.0", items.at("/user_agent/original").asText());
        assertFalse(items.has("tags"));

        ObjectNode login = byOriginal.values().stream()
                .filter(doc -> "bob".equals(doc.at("/user/name").asText())).findFirst().orElseThrow();
        assertEquals(401, numberAt(login, "/http/response/status_code").intValue());
        assertEquals("https://shop.example/", login.at("/http/request/referrer").asText());

        List<ObjectNode> failed = docs.stream().filter(doc -> doc.has("tags")).toList();
        assertEquals(1, failed.size(), "only the error line is not an access line");
        assertTrue(failed.get(0).get("message").asText().startsWith("2026/11/24 10:00:02 [error]"));
        assertEquals("parse_failure", failed.get(0).at("/tags/0").asText());

        for (int i = 0; i < plain.size(); i++) {
            ObjectNode doc = byOriginal.get(plain.get(i));
            String[] fields = generated.get(i).split(" ");
            assertEquals(Integer.parseInt(fields[8]), numberAt(doc, "/http/response/status_code").intValue());
            assertEquals(Long.parseLong(fields[9]), numberAt(doc, "/http/response/body/bytes").longValue());
            assertEquals(i / 1000.0, numberAt(doc, "/nginx/request_time").doubleValue(), 1e-9);
        }
        assertEquals("long", elasticsearch.mappedType(index + "-*", "http.response.status_code"));
        assertEquals("long", elasticsearch.mappedType(index + "-*", "http.response.body.bytes"));
        assertEquals("float", elasticsearch.mappedType(index + "-*", "nginx.request_time"));
    }

    private static Number numberAt(JsonNode doc, String pointer) {
        JsonNode value = doc.at(pointer);
        assertTrue(value.isNumber(), pointer + " is a number in " + doc);
        return value.numberValue();
    }
}
