package io.logrouter.sinks.deadletter;

import io.logrouter.event.EventBatch;
import io.logrouter.event.SinkUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * How a sink hands the envelopes of events it can never write to the dead-letter route: they count as settled only
 * once that route settled them (its Kafka producer had the broker acknowledge every record). A dead-letter route that
 * completed without settling them (its own error handling swallowed a failure, or it has no sink) fails the sink's
 * exchange, so the source acknowledges nothing and delivers the batch again.
 */
public final class DeadLetterHandOff {

    private DeadLetterHandOff() {
    }

    /** @param envelopes a part of the sink's batch whose envelopes stand in for the refused events */
    public static void send(ProducerTemplate producer, String uri, EventBatch envelopes) throws Exception {
        Exchange result = producer.send(uri, dead -> dead.getMessage().setBody(envelopes));
        if (result.getException() != null) {
            // a dead-letter outage fails the batch as retriable: HTTP ingest answers 503 with Retry-After, not 500
            throw new SinkUnavailableException("the dead-letter route did not take " + envelopes.size() + " events: "
                    + result.getException().getMessage(), result.getException());
        }
        if (!envelopes.isSettled()) {
            throw new SinkUnavailableException(uri + " settled " + (envelopes.size()
                    - envelopes.settlement().unsettled(envelopes)) + " of " + envelopes.size() + " dead letters", null);
        }
    }
}
