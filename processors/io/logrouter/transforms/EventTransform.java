package io.logrouter.transforms;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.micrometer.core.instrument.Metrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A processor that works event by event on the batch in the exchange body. Route authors wire one in YAML as a bean
 * ({@code - process: {ref: parseJson}}); one exchange still carries the whole batch.
 */
public abstract class EventTransform implements Processor {

    @Override
    public final void process(Exchange exchange) {
        EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
        if (batch != null) {
            int received = batch.size();
            batch.events().removeIf(event -> {
                if (apply(event)) {
                    return false;
                }
                // dropped on purpose and counted: settled, so that the source may acknowledge the rest
                batch.settlement().settle(event);
                return true;
            });
            count(exchange, "processed", received);
            count(exchange, "dropped", received - batch.size());
        }
    }

    private void count(Exchange exchange, String outcome, int events) {
        if (events > 0) {
            Metrics.counter("logrouter.transform.events", "transform", getClass().getSimpleName(),
                    "route", exchange.getFromRouteId() == null ? "" : exchange.getFromRouteId(), "outcome", outcome)
                    .increment(events);
        }
    }

    /** Changes the event in place; returns false to drop it from the batch (which settles it). */
    public abstract boolean apply(LogEvent event);
}
