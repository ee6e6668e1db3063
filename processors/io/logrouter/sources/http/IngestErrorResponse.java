package io.logrouter.sources.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.sinks.SinkUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a request that failed, for the route's {@code onException}: the status and reason of an
 * {@link IngestRejectedException}, 503 when a sink could not write within its retry budget or a route is between two
 * versions of its file, and 500 for anything
 * else (whose details go to the log, not to the client). The body is Elasticsearch's error format,
 * {@code {"error":{"type":..,"reason":..},"status":..}}, which the shippers pointed at the {@code _bulk} endpoint
 * parse and which reads as well for the plain ingest endpoints. 429 and 503 say when to retry.
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
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type(status));
        error.put("reason", reason);
        body.put("status", status);
        Message response = IngestResponse.elasticsearch(exchange, status, body.toString());
        if (retryAfter > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfter));
        }
        if (status == 401) {
            response.setHeader("WWW-Authenticate", BearerTokenAuth.CHALLENGE);
        }
    }

    private static String type(int status) {
        return switch (status) {
            case 400 -> "illegal_argument_exception";
            case 401 -> "security_exception";
            case 413 -> "request_entity_too_large";
            case 415 -> "media_type_header_exception";
            case 429 -> "es_rejected_execution_exception";
            case 503 -> "unavailable_exception";
            default -> "router_exception";
        };
    }

    public int getUnavailableRetryAfterSeconds() {
        return unavailableRetryAfterSeconds;
    }

    /** What a 503 tells the client to wait; about the sink's retry budget is a fair guess for an outage. */
    public void setUnavailableRetryAfterSeconds(int unavailableRetryAfterSeconds) {
        this.unavailableRetryAfterSeconds = unavailableRetryAfterSeconds;
    }
}
