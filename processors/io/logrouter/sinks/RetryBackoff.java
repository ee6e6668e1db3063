package io.logrouter.sinks;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, bounded by a total time budget. Sinks retry within the budget (the source
 * waits, which is the route's back-pressure) and then fail the exchange, so the source re-delivers later instead of
 * the sink buffering without bound.
 */
public final class RetryBackoff {

    private final long initialMillis;
    private final long maxMillis;
    private final long deadlineNanos;
    private int attempt;

    public RetryBackoff(long initialMillis, long maxMillis, long budgetMillis) {
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000L;
    }

    /** Sleeps before the next attempt; returns false, without sleeping, when the budget would be exceeded. */
    public boolean awaitNextAttempt() throws InterruptedException {
        long ceiling = Math.min(maxMillis, initialMillis << Math.min(attempt, 20));
        long delay = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        if (System.nanoTime() + delay * 1_000_000L > deadlineNanos) {
            return false;
        }
        attempt++;
        Thread.sleep(delay);
        return true;
    }

    public int attempts() {
        return attempt;
    }
}
