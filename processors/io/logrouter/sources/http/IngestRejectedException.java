package io.logrouter.sources.http;

/**
 * A request the router will not take, with the HTTP status and the reason the client is told, and for 429 and 503
 * how many seconds it should wait before sending again.
 */
public class IngestRejectedException extends RuntimeException {

    private final int status;
    private final int retryAfterSeconds;

    public IngestRejectedException(int status, String reason) {
        this(status, reason, 0);
    }

    public IngestRejectedException(int status, String reason, int retryAfterSeconds) {
        super(reason, null, false, false); // a response to a client, not a fault: no stack trace to fill in
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int getStatus() {
        return status;
    }

    /** Zero when the client should not retry the same request as it is. */
    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }
}
