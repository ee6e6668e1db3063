package io.logrouter.sources.http;

/** A request the router will not take, with the HTTP status and the reason the client is told. */
public class IngestRejectedException extends RuntimeException {

    private final int status;

    public IngestRejectedException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
