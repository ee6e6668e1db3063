package io.logrouter.sources.http;

import io.logrouter.event.LogEvent;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Where in the request body each event came from (line of an NDJSON or text body, element of a JSON array), kept
 * beside the batch so that the response can name the lines that were kept with a parse-failure marker. Keyed by
 * identity: steps may drop events from the batch or reorder it, never replace them.
 */
public final class EventOrigins {

    /** Exchange property holding the origins of the request's events. */
    public static final String PROPERTY = "LogRouterEventOrigins";

    private final String unit;
    private final Map<LogEvent, Integer> positions = new IdentityHashMap<>();

    /** {@code unit} is what a position counts, as the client reads it: {@code line} or {@code item}. */
    public EventOrigins(String unit) {
        this.unit = unit;
    }

    public static EventOrigins of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, EventOrigins.class);
    }

    public void record(LogEvent event, int position) {
        positions.put(event, position);
    }

    /** The 1-based position, or null for an event a later step added. */
    public Integer positionOf(LogEvent event) {
        return positions.get(event);
    }

    public String unit() {
        return unit;
    }

    public int size() {
        return positions.size();
    }
}
