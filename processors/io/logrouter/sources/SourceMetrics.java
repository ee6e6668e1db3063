package io.logrouter.sources;

import io.micrometer.core.instrument.Metrics;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Per source and route: events received, and how their batch ended, acknowledged or refused (not acknowledged, to be
 * delivered again). Counted when the exchange completes, since that is when a source acknowledges; a failure the
 * route handled itself (HTTP's 503) still means the client was refused. Micrometer's global registry, which Quarkus
 * exports on /q/metrics, keeps the sources plain Camel code.
 */
public final class SourceMetrics {

    private static final String EVENTS = "logrouter.source.events";

    private SourceMetrics() {
    }

    /** Called by a source once it knows the batch of the exchange. */
    public static void track(Exchange exchange, String source, int events) {
        String route = exchange.getFromRouteId() == null ? "" : exchange.getFromRouteId();
        count(source, route, "received", events);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                boolean refused = done.getProperty(Exchange.EXCEPTION_CAUGHT) != null || done.isRollbackOnly();
                count(source, route, refused ? "refused" : "acknowledged", events);
            }

            @Override
            public void onFailure(Exchange failed) {
                count(source, route, "refused", events);
            }
        });
    }

    private static void count(String source, String route, String outcome, int events) {
        Metrics.counter(EVENTS, "source", source, "route", route, "outcome", outcome).increment(events);
    }
}
