package io.logrouter.sources.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Elasticsearch's error format, {@code {"error":{"type":..,"reason":..},"status":..}}: what the shippers pointed at
 * the {@code _bulk} endpoint parse, and what every refusal of the router is answered with, from a route's
 * {@code onException} or from an HTTP filter that answers before any route runs.
 */
public final class ElasticsearchError {

    private ElasticsearchError() {
    }

    public static String body(int status, String reason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode error = body.putObject("error");
        error.put("type", type(status));
        error.put("reason", reason);
        body.put("status", status);
        return body.toString();
    }

    /**
     * Answers a request with the error, and a Retry-After unless it is 0, before any route has seen it. Its body is
     * read and dropped: a client still writing it must get the answer, not a reset connection.
     */
    public static void answer(RoutingContext context, int status, int retryAfterSeconds, String reason) {
        context.request().handler(ignored -> { });
        if (retryAfterSeconds > 0) {
            context.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(IngestResponse.PRODUCT_HEADER, "Elasticsearch")
                .end(body(status, reason));
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
}
