package io.logrouter.sources.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.sources.SettledBatch;
import java.util.Comparator;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The response to an ingest request, set at the end of the route, and only when every sink has written or dead-lettered
 * each event ({@link SettledBatch}), so the 200 is an acknowledgement the client can rely on; a batch the sinks did
 * not settle (a failure the route handled, a route without a sink) is answered 503 with Retry-After, here or, when
 * the route skipped this step, at its end ({@link #track}). It counts the events taken and
 * lists those kept with the parse-failure marker, by line (or array item) and reason, so a client learns which of
 * its input was not what it claimed to be: {@code {"accepted":3,"failed":[{"line":2,"reason":"..."}]}}.
 */
public final class IngestAccepted implements Processor {

    private static final Processor ERROR_RESPONSE = new IngestErrorResponse();

    /**
     * The response to a batch the sinks did not settle: 503 with Retry-After, as for a sink outage, unless the route
     * already answered with an error of its own.
     */
    private static final Processor UNSETTLED = exchange -> {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null || status < 300) {
            ERROR_RESPONSE.process(exchange);
        }
    };

    /** A decoder hands the request's batch over: counted, and answered 503 unless the sinks settle it. */
    static void track(Exchange exchange, EventBatch batch) {
        SettledBatch.track(exchange, "http", batch, UNSETTLED);
    }

    @Override
    public void process(Exchange exchange) {
        SettledBatch.requireSettled(exchange);
        EventOrigins origins = EventOrigins.of(exchange);
        EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("accepted", origins.size());
        ArrayNode failed = response.putArray("failed");
        List<LogEvent> marked = batch == null ? List.of() : batch.events().stream()
                .filter(event -> origins.positionOf(event) != null)
                .filter(event -> EventMarkers.has(event, EventMarkers.PARSE_FAILURE))
                .sorted(Comparator.comparing(origins::positionOf))
                .toList();
        for (LogEvent event : marked) {
            ObjectNode failure = failed.addObject();
            failure.put(origins.unit(), origins.positionOf(event));
            failure.put("reason", event.text("error.message"));
        }
        IngestResponse.json(exchange, 200, response.toString());
    }
}
