package io.logrouter.management;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Health for a caller without the management token: the same checks Quarkus runs for {@code /q/health*}, answered
 * with the status code and {@code {"status":"UP"}} or {@code DOWN} only. The details (a rejected routes file's
 * problem, an Elasticsearch host that does not answer) are for callers with the token.
 */
@ApplicationScoped
public class HealthStatusOnly {

    private final Map<String, Supplier<SmallRyeHealth>> probes;

    public HealthStatusOnly(SmallRyeHealthReporter reporter) {
        probes = Map.of("/q/health", reporter::getHealth, "/q/health/", reporter::getHealth,
                "/q/health/live", reporter::getLiveness, "/q/health/ready", reporter::getReadiness,
                "/q/health/started", reporter::getStartup);
    }

    /** Answers {@code request} if it is a health probe, and says whether it did. */
    boolean answer(RoutingContext request) {
        Supplier<SmallRyeHealth> probe = probes.get(request.normalizedPath());
        if (probe == null) {
            return false;
        }
        // checks may block (a Camel health check calls its component): off the event loop
        request.vertx().executeBlocking(probe::get, false).onComplete(result -> {
            boolean up = result.succeeded() && !result.result().isDown();
            request.response().setStatusCode(up ? 200 : 503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}");
        });
        return true;
    }
}
