package io.logrouter.event;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The body of every exchange between a source and its sinks: events travel in batches so that one Camel exchange,
 * one bulk request and one checkpoint cover many events. The source acknowledges the whole batch once the exchange
 * completes without an exception, which sinks only allow after every event is either durably written or durably
 * dead-lettered.
 */
public final class EventBatch implements Iterable<LogEvent> {

    private final List<LogEvent> events;
    private long receivedNanos = System.nanoTime();

    public EventBatch() {
        this(new ArrayList<>());
    }

    public EventBatch(List<LogEvent> events) {
        this.events = events;
    }

    public EventBatch add(LogEvent event) {
        events.add(event);
        return this;
    }

    /**
     * When the source received the batch ({@link System#nanoTime()}): by default when it was created, which a source
     * does as it starts reading; a part split off a batch keeps its whole's time. Sinks measure the pipeline's latency
     * from it.
     */
    public long receivedNanos() {
        return receivedNanos;
    }

    public EventBatch receivedNanos(long nanos) {
        this.receivedNanos = nanos;
        return this;
    }

    public List<LogEvent> events() {
        return events;
    }

    public int size() {
        return events.size();
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    @Override
    public Iterator<LogEvent> iterator() {
        return events.iterator();
    }

    @Override
    public String toString() {
        return "EventBatch[" + events.size() + " events]";
    }
}
