package io.logrouter.transforms.router;

import io.logrouter.event.DeadLetterEnvelope;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import java.util.ArrayList;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Where a routing rule sends the events it matches: an endpoint (an Elasticsearch index or data stream, a
 * {@code direct:} route that archives to S3, a Kafka topic), {@code drop}, or {@code dead-letter}.
 */
sealed interface Destination {

    String DROP = "drop";
    String DEAD_LETTER = "dead-letter";

    /** The destination as the route author wrote it: the key of the router's per-destination counts. */
    String name();

    /**
     * Sends the events as one exchange and returns once the endpoint has processed it.
     *
     * @throws Exception the endpoint's failure, so that the batch is not acknowledged
     */
    void deliver(EventBatch events, ProducerTemplate producer, String routeId) throws Exception;

    /**
     * @param reason why events sent to {@code dead-letter} by this rule are there, for the envelope
     */
    static Destination parse(String text, String reason, RuleResolver resolver) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a rule needs a destination after ->");
        }
        return switch (text) {
            case DROP -> new Drop();
            case DEAD_LETTER -> new DeadLetter(reason, resolver.deadLetter());
            default -> new To(text, resolver.endpoint(text));
        };
    }

    private static void send(ProducerTemplate producer, Endpoint endpoint, EventBatch events) throws Exception {
        Exchange sent = producer.send(endpoint, exchange -> exchange.getMessage().setBody(events));
        if (sent.getException() != null) {
            throw sent.getException();
        }
    }

    record To(String name, Endpoint endpoint) implements Destination {

        @Override
        public void deliver(EventBatch events, ProducerTemplate producer, String routeId) throws Exception {
            send(producer, endpoint, events);
        }
    }

    /** Counted by the router, sent nowhere: dropped on purpose, so settled. */
    record Drop() implements Destination {

        @Override
        public String name() {
            return DROP;
        }

        @Override
        public void deliver(EventBatch events, ProducerTemplate producer, String routeId) {
            events.settle(events);
        }
    }

    /** The reason tells the rules apart, so that each dead-letter rule is a part of its own. */
    record DeadLetter(String reason, Endpoint endpoint) implements Destination {

        @Override
        public String name() {
            return DEAD_LETTER;
        }

        @Override
        public void deliver(EventBatch events, ProducerTemplate producer, String routeId) throws Exception {
            EventBatch envelopes = events.part(new ArrayList<>(events.size()));
            for (LogEvent event : events) {
                envelopes.add(events.settlement().standIn(event,
                        DeadLetterEnvelope.wrap(event, ContentRouter.STAGE, reason, routeId)));
            }
            send(producer, endpoint, envelopes);
        }
    }
}
