package io.logrouter.transforms.router;

import io.logrouter.event.LogEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A router's rules, compiled: for each event, the destinations of the rules it matches, in order, up to the first
 * matching rule without {@code continue}. An event that no such rule stops also goes to the default destination, as
 * if it were a last rule {@code * -> default}: errors copied to an alerts index still reach the service index.
 *
 * <p>A condition that cannot be decided (a regex out of time, a simple expression that fails on this event) counts as
 * not matching: the event goes on to the next rules and the default, so it is never lost to an undecidable rule.
 */
final class RoutingTable {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingTable.class);
    private static final String COMMENT = "#";

    private final List<RoutingRule> rules;
    private final Destination fallback;
    private final LongAdder unmatched;
    private final LongAdder undecided;
    private final AtomicBoolean undecidedLogged = new AtomicBoolean();

    private RoutingTable(List<RoutingRule> rules, Destination fallback, LongAdder unmatched, LongAdder undecided) {
        this.rules = rules;
        this.fallback = fallback;
        this.unmatched = unmatched;
        this.undecided = undecided;
    }

    /**
     * @param text one rule a line; blank lines and lines starting with # are skipped
     * @param unmatched counts the events that matched no rule and went only to the default destination
     * @param undecided counts the conditions that could not be decided
     */
    static RoutingTable compile(String text, String defaultDestination, String deadLetterUri, CamelContext context,
            LongAdder unmatched, LongAdder undecided) {
        RuleResolver resolver = new RuleResolver(context, deadLetterUri);
        List<RoutingRule> rules = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith(COMMENT)) {
                rules.add(RoutingRule.parse(trimmed, resolver));
            }
        }
        Destination fallback = Destination.parse(defaultDestination.trim(), "no routing rule matched", resolver);
        return new RoutingTable(List.copyOf(rules), fallback, unmatched, undecided);
    }

    Set<Destination> destinationsOf(LogEvent event, Exchange view) {
        Set<Destination> destinations = new LinkedHashSet<>(4);
        for (RoutingRule rule : rules) {
            if (matches(rule, event, view)) {
                destinations.add(rule.destination());
                if (!rule.continues()) {
                    return destinations;
                }
            }
        }
        if (destinations.isEmpty()) {
            unmatched.increment();
        }
        destinations.add(fallback);
        return destinations;
    }

    private boolean matches(RoutingRule rule, LogEvent event, Exchange view) {
        try {
            return rule.condition().test(event, view);
        } catch (RuntimeException e) {
            undecided.increment();
            if (undecidedLogged.compareAndSet(false, true)) {
                LOG.warn("Routing rule '{}' could not be decided for event {} and is taken as not matching (logged"
                        + " once; see the router's undecidedCount): {}", rule.text(), event.id(), e.toString());
            }
            return false;
        }
    }
}
