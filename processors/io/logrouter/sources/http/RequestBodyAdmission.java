package io.logrouter.sources.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads request bodies into memory within a budget shared by all requests, {@code logrouter.http.max-bodies-in-memory},
 * counting the bytes as they actually arrive, whatever the protocol: a Content-Length body, a chunked one, an HTTP/2
 * stream (which declares no length at all). A body is also capped at {@code quarkus.http.limits.max-body-size}. A
 * gzip or deflate body is inflated here as it arrives ({@link BodyInflation}), so what is counted, capped and held is
 * the inflated body: a small gzip bomb is refused as soon as what it inflates to passes the cap or the budget, long
 * before it is all inflated.
 *
 * <p>An uncompressed body declaring a Content-Length takes it from the budget when its headers arrive, and is refused
 * before the client sends it (413 over the cap, 429 with Retry-After when the budget is short). Any other body takes
 * the budget as it arrives (inflated), and is refused the moment it passes either. A refused body is read and dropped, so that
 * its client gets the response. The budget comes back when the request is answered or its connection is gone. The body
 * read here is the one platform-http's routes see (the route's own body handler then has nothing left to read): that
 * way no request body is held in memory uncounted.
 *
 * <p>Form bodies and unknown content encodings are refused with 415 before their body is read, a body that does not
 * inflate with 400. No response repeats a request value.
 */
@ApplicationScoped
public class RequestBodyAdmission {

    /** After {@link BearerTokenAuth}, before every route's own handlers, the body handler among them. */
    private static final int PRIORITY = 1000;
    private static final int RETRY_AFTER_SECONDS = 1;

    private final MemoryBudget budget;
    private final long maxBodyBytes;

    RequestBodyAdmission(@ConfigProperty(name = "logrouter.http.max-bodies-in-memory") MemorySize budget,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.budget = new MemoryBudget(budget.asLongValue());
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::admit, PRIORITY);
    }

    private void admit(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            ElasticsearchError.respond(context, 415, 0, "send the body as application/x-ndjson, application/json or"
                    + " text/plain, not as a form");
            return;
        }
        BodyInflation inflation;
        try {
            inflation = BodyInflation.of(request.getHeader(HttpHeaders.CONTENT_ENCODING));
        } catch (IngestRejectedException unsupported) {
            refuse(context, unsupported);
            return;
        }
        long declared = declaredLength(request);
        if (declared > maxBodyBytes) {
            refuseTooLarge(context);
            return;
        }
        MemoryBudget.Lease lease = budget.lease();
        context.addEndHandler(done -> lease.release());
        // a compressed body is held inflated: its declared length says nothing of what it will take
        long held = inflation == null ? declared : -1;
        if (held > 0 && !lease.growTo(held)) {
            refuseOverBudget(context);
            return;
        }
        new BodyReader(context, lease, inflation, held).start();
    }

    /** One request's body as it arrives, inflated when it is compressed, counted against the cap and the budget. */
    private final class BodyReader {

        private final RoutingContext context;
        private final MemoryBudget.Lease lease;
        private final BodyInflation inflation;
        private Buffer body;
        private boolean refused;

        BodyReader(RoutingContext context, MemoryBudget.Lease lease, BodyInflation inflation, long declared) {
            this.context = context;
            this.lease = lease;
            this.inflation = inflation;
            this.body = Buffer.buffer((int) Math.max(0, declared));
        }

        void start() {
            HttpServerRequest request = context.request();
            request.handler(this::append);
            request.endHandler(end -> complete());
            // the connection closing or the stream being reset: the context's end handlers give the budget back
            request.exceptionHandler(failure -> body = null);
            if (request.version() == HttpVersion.HTTP_1_1
                    && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                context.response().writeContinue();
            }
            request.resume();
        }

        private void append(Buffer chunk) {
            if (refused || body == null) {
                return;
            }
            if (inflation == null) {
                hold(chunk.getBytes(), chunk.length());
                return;
            }
            try {
                inflation.inflate(chunk.getBytes(), this::hold);
            } catch (IngestRejectedException invalid) {
                refuse(invalid);
            }
        }

        /** Keeps these bytes of the body, or refuses it once they pass the cap or the budget. */
        private boolean hold(byte[] bytes, int length) {
            long total = (long) body.length() + length;
            if (total > maxBodyBytes) {
                refuse(new IngestRejectedException(413, tooLarge()));
                return false;
            }
            if (!lease.growTo(total)) {
                refuse(new IngestRejectedException(429, overBudget(), RETRY_AFTER_SECONDS));
                return false;
            }
            body.appendBytes(bytes, 0, length);
            return true;
        }

        private void refuse(IngestRejectedException refusal) {
            refused = true;
            body = null;
            lease.release();
            RequestBodyAdmission.refuse(context, refusal);
        }

        private void complete() {
            if (refused || body == null) {
                return;
            }
            if (inflation != null) {
                try {
                    inflation.finish();
                } catch (IngestRejectedException truncated) {
                    refuse(truncated);
                    return;
                }
                // what the routes read is the inflated body
                context.request().headers().remove(HttpHeaders.CONTENT_ENCODING).remove(HttpHeaders.CONTENT_LENGTH);
            }
            RoutingContextInternal internal = (RoutingContextInternal) context;
            internal.setBody(body);
            // tells Vert.x's body handler, which platform-http puts on every route, that the body was read
            internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
            context.next();
        }
    }

    private static void refuse(RoutingContext context, IngestRejectedException refusal) {
        ElasticsearchError.respond(context, refusal.getStatus(), refusal.getRetryAfterSeconds(), refusal.getMessage());
    }

    private void refuseTooLarge(RoutingContext context) {
        ElasticsearchError.respond(context, 413, 0, tooLarge());
    }

    private void refuseOverBudget(RoutingContext context) {
        ElasticsearchError.respond(context, 429, RETRY_AFTER_SECONDS, overBudget());
    }

    private String tooLarge() {
        return "request body is larger than " + maxBodyBytes + " bytes";
    }

    private String overBudget() {
        return "request bodies in memory would exceed " + budget.bytes() + " bytes, retry later";
    }

    /** The declared length, or -1 when the body's length is not known in advance (chunked, HTTP/2, none). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isForm(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
    }

    /** Budget free right now, in KiB; for tests. */
    int availableKibibytes() {
        return budget.availableKibibytes();
    }
}
