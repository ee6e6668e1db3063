package io.logrouter.sources.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request's body must arrive whole within {@code logrouter.http.body-timeout} of its headers, whatever the protocol
 * and whether it was admitted, refused or is being dropped: a client trickling a body (slowloris) would otherwise
 * keep its share of the memory budget, or its connection, for the 30 minutes of Quarkus's idle timeout. A late
 * HTTP/1.x request loses its connection; a late HTTP/2 stream is reset, leaving the connection's other streams be.
 */
@ApplicationScoped
public class RequestBodyDeadline {

    /** First of the router's filters: the deadline holds for requests the others refuse too. */
    private static final int PRIORITY = 1200;
    /** HTTP/2 error code CANCEL: the stream is no longer wanted. */
    private static final long HTTP2_CANCEL = 8;

    private final long timeoutMillis;
    private final Vertx vertx;

    RequestBodyDeadline(@ConfigProperty(name = "logrouter.http.body-timeout") Duration timeout, Vertx vertx) {
        this.timeoutMillis = timeout.toMillis();
        this.vertx = vertx;
    }

    void register(@Observes Filters filters) {
        filters.register(this::arm, PRIORITY);
    }

    private void arm(RoutingContext context) {
        HttpServerRequest request = context.request();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (!request.isEnded()) {
                cut(request);
            }
        });
        // a request answered before its body ended (a refusal) keeps the timer until the body is done
        context.addEndHandler(done -> {
            if (request.isEnded()) {
                vertx.cancelTimer(timer);
            }
        });
        context.next();
    }

    private static void cut(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            request.response().reset(HTTP2_CANCEL);
        } else {
            request.connection().close();
        }
    }
}
