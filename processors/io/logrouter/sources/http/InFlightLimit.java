package io.logrouter.sources.http;

import java.util.concurrent.Semaphore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Bounds how many ingest requests are being worked on at once, across every route that uses the same bean. A request
 * beyond the bound is answered 429 with {@code Retry-After} at once, instead of queueing for a worker thread while
 * its client times out and sends it again. The permit is returned when the exchange is done, whatever its outcome.
 */
public final class InFlightLimit implements Processor {

    private int maxInFlight = 32;
    private int retryAfterSeconds = 1;
    private Semaphore permits = new Semaphore(maxInFlight);

    @Override
    public void process(Exchange exchange) {
        if (!permits.tryAcquire()) {
            throw new IngestRejectedException(429, "too many requests in flight (" + maxInFlight + "), retry later",
                    retryAfterSeconds);
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                permits.release();
            }
        });
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
    }

    public int getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public void setRetryAfterSeconds(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Permits free right now; for tests and metrics. */
    public int available() {
        return permits.availablePermits();
    }
}
