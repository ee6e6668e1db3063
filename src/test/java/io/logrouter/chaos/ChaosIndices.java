package io.logrouter.chaos;

import io.logrouter.it.ElasticsearchQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Elasticsearch indices of one case, on the shared stack: unique names ({@code chaos-<name>-<uuid>}), deleted
 * after each test. Register it with {@code @RegisterExtension}.
 */
public final class ChaosIndices implements AfterEachCallback {

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final String run = UUID.randomUUID().toString();
    private final List<String> names = new ArrayList<>();

    /** A new index name for this run of the case. */
    public synchronized String name(String name) {
        String index = "chaos-" + name + "-" + run;
        names.add(index);
        return index;
    }

    public ElasticsearchQueries elasticsearch() {
        return elasticsearch;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws Exception {
        if (!names.isEmpty()) {
            elasticsearch.send("DELETE", "/" + String.join(",", names) + "?ignore_unavailable=true", null);
        }
    }
}
