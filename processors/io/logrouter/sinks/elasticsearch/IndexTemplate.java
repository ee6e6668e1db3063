package io.logrouter.sinks.elasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

/**
 * A composable index template read from a file and installed with {@code PUT _index_template/<name>}, which
 * Elasticsearch 8.x/9.x and OpenSearch 2.x/3.x accept alike. Installing replaces any older version of it, so the
 * file stays the one source of the mappings.
 */
final class IndexTemplate {

    private final String name;
    private final String json;

    private IndexTemplate(String name, String json) {
        this.name = name;
        this.json = json;
    }

    /** Reads {@code file}; {@code name} defaults to the file's name without {@code .json}. */
    static IndexTemplate read(String file, String name) throws IOException {
        Path path = Path.of(file);
        String templateName = name != null && !name.isBlank() ? name
                : path.getFileName().toString().replaceFirst("\\.json$", "");
        return new IndexTemplate(templateName, Files.readString(path, StandardCharsets.UTF_8));
    }

    String name() {
        return name;
    }

    void install(RestClient client) throws IOException {
        Request request = new Request("PUT", "/_index_template/" + name);
        request.setJsonEntity(json);
        client.performRequest(request);
    }
}
