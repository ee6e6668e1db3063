package io.logrouter.sources.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the request bodies the router holds in memory at once. platform-http reads a body whole before its route
 * runs, so the routes' {@link InFlightLimit} (and the token check) only see requests whose bodies are already on the
 * heap: 128 clients posting 9 MB each at once, without a valid token even, ran a 512 MiB heap out of memory before a
 * single 429 or 401 was sent. This filter runs when a request's headers have arrived, before its body is read: it
 * admits a request only while the bodies admitted and not yet answered fit in
 * {@code logrouter.http.max-bodies-in-memory}, each counted by its Content-Length (a chunked one by the body-size
 * limit), and answers the others 429 with
 * Retry-After at once, their bodies dropped as they arrive. A body must also arrive whole within
 * {@code logrouter.http.body-timeout}: a client trickling it (slowloris) would otherwise keep its share of the budget
 * for the 30 minutes of Quarkus's idle timeout.
 */
@ApplicationScoped
public class RequestBodyAdmission {

    /** Before every route's own handlers, the body handler among them. */
    private static final int PRIORITY = 1000;
    private static final int KIB = 1024;

    private final Semaphore budgetKibibytes;
    private final long budgetBytes;
    private final long maxBodyBytes;
    private final long bodyTimeoutMillis;
    private final Vertx vertx;

    RequestBodyAdmission(@ConfigProperty(name = "logrouter.http.max-bodies-in-memory") MemorySize budget,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
            @ConfigProperty(name = "logrouter.http.body-timeout") Duration bodyTimeout, Vertx vertx) {
        this.budgetBytes = budget.asLongValue();
        this.budgetKibibytes = new Semaphore(kibibytes(budgetBytes));
        this.maxBodyBytes = maxBody.asLongValue();
        this.bodyTimeoutMillis = bodyTimeout.toMillis();
        this.vertx = vertx;
    }

    void register(@Observes Filters filters) {
        filters.register(this::admit, PRIORITY);
    }

    private void admit(RoutingContext context) {
        HttpServerRequest request = context.request();
        int cost = kibibytes(declaredBodyBytes(request));
        if (cost == 0) {
            context.next();
            return;
        }
        if (!budgetKibibytes.tryAcquire(cost)) {
            ElasticsearchError.answer(context, 429, 1,
                    "request bodies in memory would exceed " + budgetBytes + " bytes, retry later");
            return;
        }
        long timer = vertx.setTimer(bodyTimeoutMillis, id -> {
            if (!request.isEnded()) {
                request.connection().close();
            }
        });
        AtomicBoolean released = new AtomicBoolean();
        context.addEndHandler(done -> {
            if (released.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                budgetKibibytes.release(cost);
            }
        });
        context.next();
    }

    /** What the body will take: its Content-Length, the body-size limit when it is chunked, 0 when there is none. */
    private long declaredBodyBytes(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                return Math.min(Long.parseLong(length.trim()), maxBodyBytes);
            } catch (NumberFormatException e) {
                return maxBodyBytes;
            }
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null ? maxBodyBytes : 0;
    }

    private static int kibibytes(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + KIB - 1) / KIB);
    }

    /** Budget free right now, in KiB; for tests. */
    int availableKibibytes() {
        return budgetKibibytes.availablePermits();
    }
}
