package io.logrouter.event;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The body of every exchange between a source and its sinks: events travel in batches so that one Camel exchange,
 * one bulk request and one checkpoint cover many events. The source acknowledges the whole batch only once its
 * {@link Settlement} says that every event still in it is durably written, durably dead-lettered or dropped on purpose;
 * an exchange that merely completed without an exception acknowledges nothing.
 */
public final class EventBatch implements Iterable<LogEvent> {

    private final List<LogEvent> events;
    private final Settlement settlement;
    private long receivedNanos = System.nanoTime();

    public EventBatch() {
        this(new ArrayList<>());
    }

    /** A batch of its own: a source's, with a settlement record of its own. */
    public EventBatch(List<LogEvent> events) {
        this(events, new Settlement());
    }

    private EventBatch(List<LogEvent> events, Settlement settlement) {
        this.events = events;
        this.settlement = settlement;
    }

    /**
     * A batch made from this one (some of its events, their copies for one destination, their dead-letter envelopes
     * registered with {@link Settlement#standIn}), settled in the same record, with the same received time.
     */
    public EventBatch part(List<LogEvent> events) {
        return new EventBatch(events, settlement).receivedNanos(receivedNanos);
    }

    public Settlement settlement() {
        return settlement;
    }

    /** Marks each of the events settled: written or dead-lettered by a sink, or dropped on purpose. */
    public void settle(Iterable<LogEvent> settledEvents) {
        settlement.settle(settledEvents);
    }

    /** Whether every event still in the batch is settled: what a source may acknowledge. */
    public boolean isSettled() {
        return settlement.covers(events);
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
