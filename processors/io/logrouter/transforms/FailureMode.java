package io.logrouter.transforms;

import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;

/**
 * What a transform does with an event it could not process. The product never drops an event silently, so both modes
 * keep it with the parse-failure marker; {@code dead-letter} also tags it so the route can send it to the dead-letter
 * topic (a {@code choice} on the tag), which keeps routing decisions in the route instead of inside a processor.
 */
public enum FailureMode {
    KEEP,
    DEAD_LETTER;

    public static final String DEAD_LETTER_TAG = "dead_letter";

    /** Accepts the spelling route authors write in YAML: {@code keep} or {@code dead-letter}. */
    public static FailureMode of(String name) {
        switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "keep":
                return KEEP;
            case "dead-letter":
            case "dead_letter":
                return DEAD_LETTER;
            default:
                throw new IllegalArgumentException("failureMode must be keep or dead-letter, not " + name);
        }
    }

    public void mark(LogEvent event, String reason) {
        EventMarkers.mark(event, EventMarkers.PARSE_FAILURE, FailureReason.bounded(reason));
        if (this == DEAD_LETTER) {
            EventMarkers.tag(event, DEAD_LETTER_TAG);
        }
    }
}
