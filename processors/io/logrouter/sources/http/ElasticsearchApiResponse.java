package io.logrouter.sources.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Answers the calls a shipper with an Elasticsearch output makes before it sends data, so it can point at the router
 * unchanged: {@code GET /} (Filebeat, Vector and the Elastic clients check the version and the
 * {@code X-Elastic-Product} header), {@code GET /_license} and {@code /_xpack} (Beats' license check),
 * {@code GET /_cluster/health} (Vector's health check), and index management ({@code _index_template},
 * {@code _ilm/policy}, {@code _ingest/pipeline}), which is acknowledged and ignored: where events go and how they are
 * mapped is the router's and Elasticsearch's business, not the shipper's.
 */
public final class ElasticsearchApiResponse implements Processor {

    private static final String NAME = "log-router";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The calls answered; the bean's {@code call} property names one. */
    enum Call { INFO, LICENSE, XPACK, CLUSTER_HEALTH, ACKNOWLEDGED }

    private Call call = Call.INFO;
    private String version = "8.19.0";

    @Override
    public void process(Exchange exchange) {
        ObjectNode body = switch (call) {
            case INFO -> info();
            case LICENSE -> {
                ObjectNode response = JSON.objectNode();
                response.set("license", license());
                yield response;
            }
            case XPACK -> xpack();
            case CLUSTER_HEALTH -> clusterHealth();
            case ACKNOWLEDGED -> JSON.objectNode().put("acknowledged", true);
        };
        IngestResponse.elasticsearch(exchange, 200, body.toString());
    }

    private ObjectNode info() {
        ObjectNode info = JSON.objectNode();
        info.put("name", NAME);
        info.put("cluster_name", NAME);
        info.put("cluster_uuid", NAME);
        ObjectNode number = info.putObject("version");
        number.put("number", version);
        number.put("build_flavor", "default");
        number.put("build_type", "docker");
        number.put("build_hash", NAME);
        number.put("build_date", "2026-01-01T00:00:00.000Z");
        number.put("build_snapshot", false);
        number.put("lucene_version", "9.12.2");
        number.put("minimum_wire_compatibility_version", "7.17.0");
        number.put("minimum_index_compatibility_version", "7.0.0");
        info.put("tagline", "You Know, for Search");
        return info;
    }

    private static ObjectNode license() {
        ObjectNode license = JSON.objectNode();
        license.put("status", "active");
        license.put("uid", "00000000-0000-0000-0000-000000000000");
        license.put("type", "basic");
        license.put("issue_date", "2026-01-01T00:00:00.000Z");
        license.put("issue_date_in_millis", 1767225600000L);
        license.put("max_nodes", 1000);
        license.put("issued_to", NAME);
        license.put("issuer", "elasticsearch");
        license.put("start_date_in_millis", -1);
        return license;
    }

    private static ObjectNode xpack() {
        ObjectNode xpack = JSON.objectNode();
        xpack.putObject("build").put("hash", NAME).put("date", "2026-01-01T00:00:00.000Z");
        ObjectNode license = xpack.putObject("license");
        license.put("uid", "00000000-0000-0000-0000-000000000000");
        license.put("type", "basic");
        license.put("mode", "basic");
        license.put("status", "active");
        xpack.putObject("features").putObject("ilm").put("available", true).put("enabled", true);
        return xpack;
    }

    private static ObjectNode clusterHealth() {
        ObjectNode health = JSON.objectNode();
        health.put("cluster_name", NAME);
        health.put("status", "green");
        health.put("timed_out", false);
        health.put("number_of_nodes", 1);
        health.put("number_of_data_nodes", 1);
        return health;
    }

    public String getCall() {
        return call.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code info}, {@code license}, {@code xpack}, {@code cluster-health} or {@code acknowledged}. */
    public void setCall(String call) {
        this.call = Call.valueOf(call.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String getVersion() {
        return version;
    }

    /** The Elasticsearch version the router claims; Beats refuse a server older than themselves. */
    public void setVersion(String version) {
        this.version = version;
    }
}
