package io.logrouter.chaos;

import io.logrouter.it.ElasticsearchQueries;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An Elasticsearch index of the case's own, deleted once the case is over (after its own {@code @AfterEach}, which
 * may have to start Elasticsearch again first). Register it with {@code @RegisterExtension}.
 */
public final class CaseIndex implements AfterEachCallback {

    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private final String name;

    public CaseIndex(String prefix) {
        this.name = prefix + "-" + UUID.randomUUID();
    }

    public String name() {
        return name;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        elasticsearch.send("DELETE", "/" + name + "?ignore_unavailable=true", null);
    }
}
