package io.logrouter.sinks;

import io.logrouter.event.EventBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What a sink did with the events it was given, per sink kind and target: written, dead-lettered, retried, the
 * batches and bytes it sent, how long each request took, and how long a batch took from its source to this sink's
 * acknowledgement (the pipeline latency: parsing, routing, batching waits and retries included). Registered in
 * Micrometer's global registry, which Quarkus exports on /q/metrics, so the sinks stay plain Camel components that a
 * unit test can run without Quarkus.
 */
public final class SinkMetrics {

    private final Counter written;
    private final Counter deadLettered;
    private final Counter retried;
    private final Counter bytes;
    private final DistributionSummary batchSize;
    private final Timer requests;
    private final Counter requestFailures;
    private final Timer latency;

    public SinkMetrics(String sink, String target) {
        MeterRegistry registry = Metrics.globalRegistry;
        written = events(registry, sink, target, "written");
        deadLettered = events(registry, sink, target, "dead_lettered");
        retried = events(registry, sink, target, "retried");
        bytes = Counter.builder("logrouter.sink.bytes").baseUnit("bytes")
                .description("Bytes sent to the sink").tags("sink", sink, "target", target).register(registry);
        batchSize = DistributionSummary.builder("logrouter.sink.batch.size").baseUnit("events")
                .description("Events per request").tags("sink", sink, "target", target).register(registry);
        requests = Timer.builder("logrouter.sink.request").description("Time per request to the sink")
                .publishPercentileHistogram().tags("sink", sink, "target", target).register(registry);
        requestFailures = Counter.builder("logrouter.sink.request.failures")
                .description("Requests that failed as a whole (unreachable, 429, 5xx)")
                .tags("sink", sink, "target", target).register(registry);
        // the histogram aggregates across pods and over any range; the two quantiles read at a glance (last ~2 min)
        latency = Timer.builder("logrouter.pipeline.latency")
                .description("Time from the source's receipt of a batch to the sink's acknowledgement of all of it")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.99)
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .tags("sink", sink, "target", target).register(registry);
    }

    private static Counter events(MeterRegistry registry, String sink, String target, String outcome) {
        return Counter.builder("logrouter.sink.events").description("Events settled by the sink, by outcome")
                .tags("sink", sink, "target", target, "outcome", outcome).register(registry);
    }

    public void request(int events, int byteCount, long nanos) {
        batchSize.record(events);
        bytes.increment(byteCount);
        requests.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void requestFailed() {
        requestFailures.increment();
    }

    public void written(int count) {
        written.increment(count);
    }

    public void deadLettered(int count) {
        deadLettered.increment(count);
    }

    /** Called once every event of the batch is written or dead-lettered, just before the exchange completes. */
    public void acknowledged(EventBatch batch) {
        latency.record(System.nanoTime() - batch.receivedNanos(), TimeUnit.NANOSECONDS);
    }

    public void retried(int count) {
        retried.increment(count);
    }
}
