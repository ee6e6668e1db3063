package io.logrouter.transforms.router;

import io.logrouter.event.DeadLetterEnvelope;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import io.logrouter.transforms.BuiltOnFirstUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Content-based routing of the events of a batch, declared as text rules, one a line:
 *
 * <pre>
 * rules: |
 *   log.level in error,fatal      -> elasticsearch-bulk:alerts?index=alerts-{yyyy.MM.dd}; continue
 *   *                             -> direct:s3-archive; continue
 *   url.original regex ^/health   -> drop
 *   simple: ${body[event.dataset]} == null -> dead-letter
 * defaultDestination: elasticsearch-bulk:services?index=logs-{service.name}-{yyyy.MM.dd}
 * </pre>
 *
 * The batch is partitioned: each destination receives one exchange holding its events, sent synchronously, and the
 * router completes only when every destination settled its events (see {@link io.logrouter.event.Settlement}). If
 * one fails, or completes without settling (its route handled the failure, or has no sink), the router throws, the
 * source does not acknowledge the batch, and the redelivery overwrites what was written (event ids are deterministic).
 * The copies share the batch's settlement: an event is settled only when every destination settled its copy.
 *
 * <p>As with a Camel multicast, each destination gets its own copy of the events, so one destination's processors
 * cannot change what another writes, and the body after the router is the batch as it came in. {@code drop} counts
 * and settles; {@code dead-letter} sends the events wrapped in a {@link DeadLetterEnvelope} naming the rule to
 * {@code deadLetterUri}. Unmatched events go to {@code defaultDestination}, which is {@code dead-letter} unless set:
 * an event no rule expected is kept where someone will look, never dropped silently.
 */
public class ContentRouter extends ServiceSupport implements Processor, CamelContextAware {

    /** The stage dead-letter envelopes name. */
    static final String STAGE = "route";

    private CamelContext camelContext;
    private String rules = "";
    private String defaultDestination = Destination.DEAD_LETTER;
    private String deadLetterUri = "direct:dead-letter";
    private final LongAdder unmatched = new LongAdder();
    private final LongAdder undecided = new LongAdder();
    private final Map<String, LongAdder> routed = new ConcurrentHashMap<>();
    private final BuiltOnFirstUse<RoutingTable> table = new BuiltOnFirstUse<>(
            () -> RoutingTable.compile(rules, defaultDestination, deadLetterUri, camelContext, unmatched, undecided));
    private ProducerTemplate producer;

    @Override
    protected void doStart() {
        table.get();
        producer = camelContext.createProducerTemplate();
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(producer);
        producer = null;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
        if (batch == null || batch.isEmpty()) {
            return;
        }
        RoutingTable routing = table.get();
        Exchange view = new DefaultExchange(exchange.getContext());
        view.getMessage().setHeaders(exchange.getMessage().getHeaders());
        Map<Destination, EventBatch> parts = new LinkedHashMap<>();
        for (LogEvent event : batch) {
            for (Destination destination : routing.destinationsOf(event, view)) {
                // dropped events are only counted: no copy to protect
                LogEvent copy = destination instanceof Destination.Drop ? event
                        : batch.settlement().standIn(event, event.copy());
                parts.computeIfAbsent(destination, d -> batch.part(new ArrayList<>())).add(copy);
            }
        }
        for (Map.Entry<Destination, EventBatch> part : parts.entrySet()) {
            EventBatch events = part.getValue();
            part.getKey().deliver(events, producer, exchange.getFromRouteId());
            if (!events.isSettled()) {
                // the destination's route handled its failure, or has no sink: the batch is not delivered
                throw new SinkUnavailableException("destination " + part.getKey().name() + " settled "
                        + (events.size() - events.settlement().unsettled(events)) + " of " + events.size()
                        + " events", null);
            }
            routed.computeIfAbsent(part.getKey().name(), name -> new LongAdder()).add(events.size());
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    public String getRules() {
        return rules;
    }

    /** One rule a line: {@code <condition> -> <destination>[; continue]}; # starts a comment line. */
    public void setRules(String rules) {
        this.rules = rules;
        table.reset();
    }

    public String getDefaultDestination() {
        return defaultDestination;
    }

    /** Where events go that no rule stopped: an endpoint URI, {@code drop} or {@code dead-letter} (the default). */
    public void setDefaultDestination(String defaultDestination) {
        this.defaultDestination = defaultDestination;
        table.reset();
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    /** Where the {@code dead-letter} destination sends its envelopes; {@code direct:dead-letter} by default. */
    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
        table.reset();
    }

    /** Events delivered per destination, as the rules name them ({@code drop} and {@code dead-letter} included). */
    public Map<String, Long> getRoutedCounts() {
        Map<String, Long> snapshot = new TreeMap<>();
        routed.forEach((name, count) -> snapshot.put(name, count.sum()));
        return snapshot;
    }

    public long getDroppedCount() {
        LongAdder dropped = routed.get(Destination.DROP);
        return dropped == null ? 0 : dropped.sum();
    }

    /** Events that matched no rule and went to the default destination only. */
    public long getUnmatchedCount() {
        return unmatched.sum();
    }

    /** Conditions that could not be decided and were taken as not matching. */
    public long getUndecidedCount() {
        return undecided.sum();
    }
}
