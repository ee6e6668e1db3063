package io.logrouter.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code GET /admin/routes}: each routes file with the routes, version and last reload result it has. A route of
 * the router itself, not of the routes folder, so that no edit of the folder can remove it.
 */
@ApplicationScoped
public class RouteStatusRoute extends RouteBuilder {

    private final RouteFolderWatcher watcher;
    private final ObjectMapper json;

    public RouteStatusRoute(RouteFolderWatcher watcher, ObjectMapper json) {
        this.watcher = watcher;
        this.json = json;
    }

    @Override
    public void configure() {
        from("platform-http:/admin/routes?httpMethodRestrict=GET").routeId("admin-routes")
                .process(exchange -> {
                    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                    exchange.getMessage().setBody(json.writeValueAsString(new RouteStatusReport(watcher.dir(),
                            watcher.statuses())));
                });
    }
}
