package io.logrouter.sinks.elasticsearch;

/** What Elasticsearch answered for one item of a bulk request. */
public record BulkItemResult(int status, String errorType, String errorReason) {

    static final BulkItemResult CREATED = new BulkItemResult(201, null, null);

    /** 409 on a {@code create} of a deterministic id means an earlier delivery already wrote this very event. */
    public boolean written(boolean createOp) {
        return status / 100 == 2 || (createOp && status == 409);
    }

    /** Back-pressure (429) and server-side trouble (5xx) pass; anything else will fail again the same way. */
    public boolean retryable() {
        return status == 429 || status >= 500;
    }

    public String reason() {
        return errorType == null ? "status " + status : errorType + ": " + errorReason;
    }
}
