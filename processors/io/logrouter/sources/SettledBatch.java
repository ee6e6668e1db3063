package io.logrouter.sources;

import io.logrouter.event.EventBatch;
import io.logrouter.event.SinkUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.spi.SynchronizationRouteAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule every source follows before it acknowledges a batch (moves a file checkpoint, commits a Kafka offset,
 * checkpoints a Kinesis shard, answers HTTP 2xx): the exchange ended without an exception and every event of the
 * batch the source handed over is settled (see {@link io.logrouter.event.Settlement}). An exception a route file
 * handled ({@code onException} with {@code handled: true}, a dead-letter-channel error handler to {@code log:}) or a
 * route without a sink leaves the events unsettled, so the batch is not acknowledged and is delivered again.
 *
 * <p>A source hands its batch over with {@link #track}. Where the source itself decides after the exchange (the tail,
 * Kinesis) it asks {@link #isSettled}; where the acknowledgement is a step of the route (Kafka's commit, HTTP's answer)
 * the step asks {@link #requireSettled}. A route file may skip such a step, so at the end of the source's route an
 * unsettled batch is also refused there: by default the exchange fails (the Kafka consumer then reads again from the
 * committed offsets), and HTTP's refusal answers 503 instead.
 */
public final class SettledBatch {

    private static final Logger LOG = LoggerFactory.getLogger(SettledBatch.class);

    /** The exchange property that holds the batch the source handed over. */
    private static final String BATCH = "logrouter.source.batch";

    /** The default refusal: the exchange fails with the reason. */
    private static final Processor FAIL = exchange ->
            exchange.setException(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));

    private SettledBatch() {
    }

    /** A source hands its batch over to the exchange: counted, and refused at the end of the route unless settled. */
    public static void track(Exchange exchange, String source, EventBatch batch) {
        track(exchange, source, batch, FAIL);
    }

    /**
     * @param refusal what the source does with an exchange that reached the end of its route without an exception and
     *        with the batch not settled; the reason is in {@link Exchange#EXCEPTION_CAUGHT}
     */
    public static void track(Exchange exchange, String source, EventBatch batch, Processor refusal) {
        exchange.setProperty(BATCH, batch);
        SourceMetrics.track(exchange, source, batch.size());
        exchange.getExchangeExtension().addOnCompletion(new RefusedUnlessSettled(refusal));
    }

    /** Whether the source may acknowledge the exchange's batch. */
    public static boolean isSettled(Exchange exchange) {
        EventBatch batch = exchange.getProperty(BATCH, EventBatch.class);
        return exchange.getException() == null && !exchange.isRollbackOnly() && batch != null && batch.isSettled();
    }

    /** For a step that acknowledges: throws unless the source may acknowledge. */
    public static void requireSettled(Exchange exchange) {
        if (!isSettled(exchange)) {
            throw unsettled(exchange);
        }
    }

    private static void refuse(Exchange exchange, Processor refusal) {
        SinkUnavailableException reason = unsettled(exchange);
        LOG.warn("Route {}: not acknowledged, {}", exchange.getFromRouteId(), reason.getMessage());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, reason);
        try {
            refusal.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
    }

    /** Runs when the exchange leaves the source's route, after the route's own error handling. */
    private record RefusedUnlessSettled(Processor refusal) implements Synchronization, SynchronizationRouteAware {

        @Override
        public void onAfterRoute(Route route, Exchange exchange) {
            if (route.getId().equals(exchange.getFromRouteId()) && exchange.getException() == null
                    && !isSettled(exchange)) {
                refuse(exchange, refusal);
            }
        }

        @Override
        public void onBeforeRoute(Route route, Exchange exchange) {
        }

        @Override
        public SynchronizationRouteAware getRouteSynchronization() {
            return this;
        }

        @Override
        public void onComplete(Exchange exchange) {
        }

        @Override
        public void onFailure(Exchange exchange) {
        }
    }

    private static SinkUnavailableException unsettled(Exchange exchange) {
        EventBatch batch = exchange.getProperty(BATCH, EventBatch.class);
        if (batch == null) {
            return new SinkUnavailableException("no batch was handed over by the source", exchange.getException());
        }
        return new SinkUnavailableException(batch.settlement().unsettled(batch) + " of " + batch.size()
                + " events not settled by a sink (a failure the route handled, or a route without a sink)",
                exchange.getException());
    }
}
