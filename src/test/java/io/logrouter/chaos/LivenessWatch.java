package io.logrouter.chaos;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks the router's liveness check twice a second while a case runs, as the kubelet's probe would: a router that
 * answers anything but 200 (or nothing, within the probe's 5 s) would be restarted on Kubernetes, so a case counts
 * those answers and the slowest one.
 */
public final class LivenessWatch implements AutoCloseable {

    private final RouterProcess router;
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor();

    public LivenessWatch(RouterProcess router) {
        this.router = router;
        prober.scheduleWithFixedDelay(this::probe, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void probe() {
        long start = System.nanoTime();
        int status;
        try {
            status = router.status("/q/health/live");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        slowestMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
        probes.incrementAndGet();
        if (status != 200) {
            failures.incrementAndGet();
        }
    }

    public int probes() {
        return probes.get();
    }

    /** Probes answered other than 200, or not at all. */
    public int failures() {
        return failures.get();
    }

    public long slowestMillis() {
        return slowestMillis.get();
    }

    @Override
    public String toString() {
        return "liveness " + (probes() - failures()) + "/" + probes() + " UP (slowest " + slowestMillis() + " ms)";
    }

    @Override
    public void close() throws InterruptedException {
        prober.shutdownNow();
        prober.awaitTermination(10, TimeUnit.SECONDS);
    }
}
