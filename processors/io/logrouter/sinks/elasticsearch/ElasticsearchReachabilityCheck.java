package io.logrouter.sinks.elasticsearch;

import java.io.IOException;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;

/**
 * Readiness follows the sink: while Elasticsearch does not answer, the router is not ready, so Kubernetes stops
 * sending HTTP ingest traffic to a replica that could only answer 503. Asks {@code _cluster/health}, which
 * Elasticsearch 8.x, 9.x and OpenSearch all serve, with short timeouts so a hung server cannot stall the probe.
 * Registered with Camel's health registry, which Camel Quarkus exposes on /q/health/ready.
 */
final class ElasticsearchReachabilityCheck extends AbstractHealthCheck {

    private static final RequestOptions PROBE = RequestOptions.DEFAULT.toBuilder()
            .setRequestConfig(RequestConfig.custom().setConnectTimeout(1_000).setSocketTimeout(2_000).build())
            .build();

    private final ElasticsearchBulkComponent component;

    ElasticsearchReachabilityCheck(ElasticsearchBulkComponent component) {
        super("logrouter", "elasticsearch-bulk");
        this.component = component;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("hosts", component.getHosts());
        RestClient client = component.client();
        Request request = new Request("GET", "/_cluster/health");
        request.addParameter("filter_path", "status");
        request.setOptions(PROBE);
        try {
            client.performRequest(request);
            builder.up();
        } catch (IOException e) {
            builder.message("Elasticsearch does not answer: " + e.getMessage()).down();
        }
    }
}
