package io.logrouter.sources;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a source's acknowledgements are behind what is there to read, per source, route and partition (a Kafka
 * topic-partition, a Kinesis shard): what a restart would read again, and what autoscaling on lag watches. Kafka
 * knows it in records, Kinesis in milliseconds behind the shard's tip. A gauge per partition, set after every
 * acknowledgement.
 */
public final class SourceLag {

    private static final Map<Gauge, AtomicLong> GAUGES = new ConcurrentHashMap<>();

    private SourceLag() {
    }

    public static void records(String source, String route, String partition, long lag) {
        set("logrouter.source.lag.records", source, route, partition, lag);
    }

    public static void millis(String source, String route, String partition, long lag) {
        set("logrouter.source.lag.millis", source, route, partition, lag);
    }

    private static void set(String name, String source, String route, String partition, long lag) {
        Tags tags = Tags.of("source", source, "route", route == null ? "" : route, "partition", partition);
        GAUGES.computeIfAbsent(new Gauge(name, tags), gauge -> Metrics.gauge(name, tags, new AtomicLong())).set(lag);
    }

    private record Gauge(String name, Tags tags) {
    }
}
