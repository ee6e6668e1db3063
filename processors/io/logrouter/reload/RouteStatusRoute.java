package io.logrouter.reload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /admin/routes} on the management port: each routes file with the routes, version and last reload result
 * it has. A route of the management router, not a Camel route of the ingest port: shippers cannot reach it, the
 * management token guards it ({@code io.logrouter.management.ManagementAccess}), and no edit of the routes folder can
 * remove it.
 */
@ApplicationScoped
public class RouteStatusRoute {

    private final RouteFolderWatcher watcher;
    private final ObjectMapper json;

    public RouteStatusRoute(RouteFolderWatcher watcher, ObjectMapper json) {
        this.watcher = watcher;
        this.json = json;
    }

    void register(@Observes ManagementInterface management) {
        management.router().get("/admin/routes").handler(request -> {
            try {
                request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end(json.writeValueAsString(new RouteStatusReport(watcher.dir(), watcher.statuses())));
            } catch (JsonProcessingException e) {
                request.fail(e);
            }
        });
    }
}
