package io.logrouter.sources.http;

import io.logrouter.reload.RouteFolderWatcher;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers 503 with Retry-After, instead of 404, a request that finds no HTTP route while the routes folder is being
 * reconciled: a changed file's platform-http routes are stopped before its new version starts, and a shipper that
 * treats 404 as permanent would drop what it posted in that gap. Outside a reload a missing route stays a 404.
 */
@ApplicationScoped
public class ReloadGapResponse {

    private final RouteFolderWatcher watcher;

    ReloadGapResponse(RouteFolderWatcher watcher) {
        this.watcher = watcher;
    }

    /** Last of all routes, platform-http's included (Vert.x orders routes added later before this one). */
    void register(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(this::respond);
    }

    private void respond(RoutingContext context) {
        if (!watcher.reconciling()) {
            context.next();
            return;
        }
        ElasticsearchError.respond(context, 503, 1, "routes are being reloaded, retry");
    }
}
