package io.logrouter.sinks.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.EventEnvelope;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;

/**
 * The inverse of {@link DeadLetterEnvelope} for replay: an event whose {@code message} is a dead-letter record becomes
 * the original event again, with its original id, so a replay overwrites whatever a partial earlier delivery wrote.
 * A record that is not an envelope is kept as it is, with the parse-failure marker.
 */
public class DeadLetterUnwrapper extends EventTransform {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public boolean apply(LogEvent event) {
        String record = event.text(FieldPath.MESSAGE);
        JsonNode envelope;
        try {
            envelope = record == null ? null : JSON.readTree(record);
        } catch (JsonProcessingException e) {
            envelope = null;
        }
        LogEvent original = EventEnvelope.unwrap(envelope);
        if (original == null) {
            EventMarkers.mark(event, EventMarkers.PARSE_FAILURE, "not an event envelope");
            return true;
        }
        event.fields().removeAll();
        event.fields().setAll(original.fields());
        event.id(original.id());
        return true;
    }
}
