package io.logrouter.transforms;

import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import java.util.Locale;

/**
 * What a transform does with an event it could not process. The product never drops an event silently, so both modes
 * keep it with the parse-failure marker; {@code dead-letter} also tags it so the route can send it to the dead-letter
 * topic (a {@code choice} on the tag), which keeps routing decisions in the route instead of inside a processor.
 */
public enum FailureMode {
    KEEP("keep"),
    DEAD_LETTER("dead-letter");

    public static final String DEAD_LETTER_TAG = "dead_letter";

    private final String spelling;

    FailureMode(String spelling) {
        this.spelling = spelling;
    }

    /** Accepts the spelling route authors write in YAML: {@code keep} or {@code dead-letter}. */
    public static FailureMode of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (FailureMode mode : values()) {
            if (mode.spelling.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("failureMode must be keep or dead-letter, not " + name);
    }

    public void mark(LogEvent event, String reason) {
        EventMarkers.mark(event, EventMarkers.PARSE_FAILURE, FailureReason.bounded(reason));
        if (this == DEAD_LETTER) {
            EventMarkers.tag(event, DEAD_LETTER_TAG);
        }
    }

    @Override
    public String toString() {
        return spelling;
    }
}
