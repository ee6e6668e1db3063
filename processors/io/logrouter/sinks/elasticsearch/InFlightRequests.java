package io.logrouter.sinks.elasticsearch;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bound on {@code _bulk} requests sent and not yet answered for one endpoint, whichever routes and threads send
 * them: a sender waits for a free slot, so a slow or absent server holds at most this many request bodies in memory
 * and makes the senders (and behind them the sources) wait instead of queueing.
 */
final class InFlightRequests {

    private final Semaphore slots;
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    InFlightRequests(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, not " + max);
        }
        slots = new Semaphore(max);
    }

    void acquire() throws InterruptedException {
        slots.acquire();
        peak.accumulateAndGet(current.incrementAndGet(), Math::max);
    }

    void release() {
        current.decrementAndGet();
        slots.release();
    }

    /** The most requests that were ever in flight at once. */
    int peak() {
        return peak.get();
    }
}
