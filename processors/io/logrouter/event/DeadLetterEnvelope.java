package io.logrouter.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What the dead-letter topic holds for an event that could not be delivered: the original event untouched, and why,
 * where and when it failed, so it can be replayed once the cause is fixed: an {@link EventEnvelope} with a
 * {@code failure} beside the event.
 */
public final class DeadLetterEnvelope {

    private DeadLetterEnvelope() {
    }

    public static LogEvent wrap(LogEvent event, String stage, String reason, String routeId) {
        ObjectNode envelope = EventEnvelope.wrap(event);
        ObjectNode failure = envelope.putObject("failure");
        failure.put("stage", stage);
        failure.put("reason", reason);
        failure.put("route", routeId);
        failure.put("time", Instant.now().toString());
        return new LogEvent(event.id(), envelope);
    }
}
