package io.logrouter.event;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which events of a source's batch are settled: durably written or durably dead-lettered by a sink, or dropped on
 * purpose by a filter or a routing rule (and counted there). A source acknowledges a batch only when every event still
 * in it is settled, whatever the route's error handling made of its exceptions: nothing else counts as delivered.
 *
 * <p>One record is shared by a batch and everything made from it: the parts a sink splits off, the copies the content
 * router makes for each destination, the dead-letter envelopes wrapping refused events. An event that was copied or
 * wrapped is settled once every copy or envelope made from it is, so a batch sent to several destinations is settled
 * only when each destination settled its copy. Events are told apart by identity, not by id: two distinct events may
 * share an id, and neither settles the other. Sinks may settle from several threads.
 */
public final class Settlement {

    private final Set<LogEvent> settled = Collections.newSetFromMap(new IdentityHashMap<>());
    /** What each copy or envelope stands for. */
    private final Map<LogEvent, LogEvent> originals = new IdentityHashMap<>();
    /** Per event with copies or envelopes: how many of them are not settled yet. */
    private final Map<LogEvent, Integer> unsettledStandIns = new IdentityHashMap<>();

    /**
     * Records that {@code standIn} (a copy for one destination, a dead-letter envelope) carries {@code original} on
     * from here: {@code original} is settled only once every one of its stand-ins is. Returns {@code standIn}.
     */
    public synchronized LogEvent standIn(LogEvent original, LogEvent standIn) {
        originals.put(standIn, original);
        unsettledStandIns.merge(original, 1, Integer::sum);
        return standIn;
    }

    /** A sink wrote or dead-lettered the event for good, or a stage dropped it on purpose. */
    public synchronized void settle(LogEvent event) {
        settleOne(event);
    }

    /** The same for a sink's whole write: one lock for the batch, not one per event. */
    public synchronized void settle(Iterable<LogEvent> events) {
        for (LogEvent event : events) {
            settleOne(event);
        }
    }

    private void settleOne(LogEvent event) {
        LogEvent current = event;
        while (current != null && settled.add(current)) {
            LogEvent original = originals.get(current);
            if (original == null || unsettledStandIns.merge(original, -1, Integer::sum) > 0) {
                return;
            }
            current = original;
        }
    }

    public synchronized boolean isSettled(LogEvent event) {
        return settled.contains(event);
    }

    /** Whether every one of the events is settled (true for none). */
    public synchronized boolean covers(Iterable<LogEvent> events) {
        for (LogEvent event : events) {
            if (!settled.contains(event)) {
                return false;
            }
        }
        return true;
    }

    /** How many of the events are not settled: what a refusal reports. */
    public synchronized int unsettled(Iterable<LogEvent> events) {
        int count = 0;
        for (LogEvent event : events) {
            if (!settled.contains(event)) {
                count++;
            }
        }
        return count;
    }
}
