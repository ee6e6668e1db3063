package io.logrouter.sources.http;

import io.logrouter.event.SinkUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response to a request that failed, for the route's {@code onException}: the status and reason of an
 * {@link IngestRejectedException}, 503 when a sink could not write within its retry budget or a route is between two
 * versions of its file, and 500 for anything
 * else (whose details go to the log, not to the client), in Elasticsearch's error format ({@link ElasticsearchError}),
 * which reads as well for the plain ingest endpoints. 429 and 503 say when to retry.
 */
public final class IngestErrorResponse implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(IngestErrorResponse.class);

    private int unavailableRetryAfterSeconds = 5;

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status;
        String reason;
        int retryAfter = 0;
        if (failure instanceof IngestRejectedException rejected) {
            status = rejected.getStatus();
            reason = rejected.getMessage();
            retryAfter = rejected.getRetryAfterSeconds();
        } else if (failure instanceof SinkUnavailableException) {
            LOG.warn("HTTP ingest answered 503 (route {}): {}", exchange.getFromRouteId(), failure.getMessage());
            status = 503;
            reason = "a sink is unavailable, nothing was acknowledged: retry later";
            retryAfter = unavailableRetryAfterSeconds;
        } else if (failure instanceof DirectConsumerNotAvailableException) {
            // a route this request needs is between two versions of its file (a hot reload): retriable, not a fault
            status = 503;
            reason = "routes are being reloaded, nothing was acknowledged: retry";
            retryAfter = 1;
        } else {
            LOG.error("HTTP ingest failed (route {})", exchange.getFromRouteId(), failure);
            status = 500;
            reason = "internal error, nothing was acknowledged: retry later";
        }
        Message response = IngestResponse.elasticsearch(exchange, status, ElasticsearchError.body(status, reason));
        if (retryAfter > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfter));
        }
    }

    public int getUnavailableRetryAfterSeconds() {
        return unavailableRetryAfterSeconds;
    }

    /** What a 503 tells the client to wait; about the sink's retry budget is a fair guess for an outage. */
    public void setUnavailableRetryAfterSeconds(int unavailableRetryAfterSeconds) {
        this.unavailableRetryAfterSeconds = unavailableRetryAfterSeconds;
    }
}
