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
 * stream (which declares no length at all). A body is also capped at {@code quarkus.http.limits.max-body-size}. Vert.x
 * inflates gzip (and deflate) bodies before they get here ({@code quarkus.http.enable-decompression}), so what is
 * counted, capped and held is the inflated body: a small gzip bomb is refused as soon as what it inflates to passes
 * the cap or the budget, long before it is all inflated.
 *
 * <p>A body declaring a Content-Length takes it from the budget when its headers arrive, and is refused before the
 * client sends it (413 over the cap, 429 with Retry-After when the budget is short). A body of unknown length takes
 * the budget as it arrives, and is refused the moment it passes either. A refused body is read and dropped, so that
 * its client gets the answer. The budget comes back when the request is answered or its connection is gone. The body
 * read here is the one platform-http's routes see (the route's own body handler then has nothing left to read): that
 * way no request body is held in memory uncounted.
 *
 * <p>Form bodies and unknown content encodings are refused with 415 before their body is read. No answer repeats a
 * request value.
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
        if (!isIdentity(request.getHeader(HttpHeaders.CONTENT_ENCODING))) {
            ElasticsearchError.answer(context, 415, 0, "unsupported Content-Encoding: send gzip, deflate or none");
            return;
        }
        if (isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            ElasticsearchError.answer(context, 415, 0, "send the body as application/x-ndjson, application/json or"
                    + " text/plain, not as a form");
            return;
        }
        long declared = declaredLength(request);
        if (declared > maxBodyBytes) {
            refuseTooLarge(context);
            return;
        }
        MemoryBudget.Lease lease = budget.lease();
        context.addEndHandler(done -> lease.release());
        if (declared > 0 && !lease.growTo(declared)) {
            refuseOverBudget(context);
            return;
        }
        new BodyReader(context, lease, declared).start();
    }

    /** One request's body as it arrives, counted against the cap and the budget. */
    private final class BodyReader {

        private final RoutingContext context;
        private final MemoryBudget.Lease lease;
        private Buffer body;
        private boolean refused;

        BodyReader(RoutingContext context, MemoryBudget.Lease lease, long declared) {
            this.context = context;
            this.lease = lease;
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
            long total = (long) body.length() + chunk.length();
            if (total > maxBodyBytes) {
                refuse(() -> refuseTooLarge(context));
            } else if (!lease.growTo(total)) {
                refuse(() -> refuseOverBudget(context));
            } else {
                body.appendBuffer(chunk);
            }
        }

        private void refuse(Runnable answer) {
            refused = true;
            body = null;
            lease.release();
            answer.run();
        }

        private void complete() {
            if (refused || body == null) {
                return;
            }
            RoutingContextInternal internal = (RoutingContextInternal) context;
            internal.setBody(body);
            // tells Vert.x's body handler, which platform-http puts on every route, that the body was read
            internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
            context.next();
        }
    }

    private void refuseTooLarge(RoutingContext context) {
        ElasticsearchError.answer(context, 413, 0, "request body is larger than " + maxBodyBytes + " bytes");
    }

    private void refuseOverBudget(RoutingContext context) {
        ElasticsearchError.answer(context, 429, RETRY_AFTER_SECONDS,
                "request bodies in memory would exceed " + budget.bytes() + " bytes, retry later");
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

    /** Vert.x has inflated what it can and removed its header: any encoding left is one the router cannot read. */
    private static boolean isIdentity(String encoding) {
        return encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity");
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
