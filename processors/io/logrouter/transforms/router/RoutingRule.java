package io.logrouter.transforms.router;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a router's {@code rules}: {@code <condition> -> <destination>}, optionally followed by
 * {@code ; continue} to keep matching the rules below, so that one event can reach several destinations.
 */
record RoutingRule(String text, RuleCondition condition, Destination destination, boolean continues) {

    private static final String ARROW = "->";
    private static final Pattern CONTINUE = Pattern.compile("(.*?)\\s*;\\s*continue", Pattern.CASE_INSENSITIVE);

    /** The last arrow separates, so a regex condition may itself contain one. */
    static RoutingRule parse(String line, RuleResolver resolver) {
        String text = line.trim();
        int arrow = text.lastIndexOf(ARROW);
        if (arrow < 0) {
            throw new IllegalArgumentException("a routing rule reads '<condition> -> <destination>', not '" + text + "'");
        }
        String target = text.substring(arrow + ARROW.length()).trim();
        Matcher continuing = CONTINUE.matcher(target);
        boolean continues = continuing.matches();
        if (continues) {
            target = continuing.group(1);
        }
        if (continues && target.equals(Destination.DROP)) {
            throw new IllegalArgumentException("'drop; continue' sends the event nowhere and goes on: remove the rule");
        }
        RuleCondition condition;
        try {
            condition = RuleCondition.parse(text.substring(0, arrow).trim(), resolver);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("routing rule '" + text + "': " + e.getMessage(), e);
        }
        Destination destination = Destination.parse(target, "routed to dead-letter by rule: " + text, resolver);
        return new RoutingRule(text, condition, destination, continues);
    }
}
