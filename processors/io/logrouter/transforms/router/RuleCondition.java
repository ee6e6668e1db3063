package io.logrouter.transforms.router;

import io.logrouter.event.LogEvent;
import io.logrouter.transforms.filter.FieldCondition;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The left-hand side of a routing rule: {@code *} (every event), a field test as the filters write it
 * ({@code log.level in error,fatal}, {@code http.response.status_code gte 500}, {@code trace.id exists}), or
 * {@code simple:} followed by a Camel simple predicate over the event's fields ({@code simple: ${body[log.level]} ==
 * 'error' && ${body[service.name]} starts with 'pay'}).
 */
@FunctionalInterface
interface RuleCondition {

    String SIMPLE_PREFIX = "simple:";
    String EVERY_EVENT = "*";

    /**
     * @param view an exchange whose message headers are those of the batch; a simple predicate sees the event's
     *     fields as its body
     */
    boolean test(LogEvent event, Exchange view);

    static RuleCondition parse(String text, RuleResolver resolver) {
        if (text.equals(EVERY_EVENT)) {
            return (event, view) -> true;
        }
        if (text.startsWith(SIMPLE_PREFIX)) {
            Predicate predicate = resolver.simple(text.substring(SIMPLE_PREFIX.length()).trim());
            return (event, view) -> {
                view.getMessage().setBody(new JsonObjectMap(event.fields()));
                return predicate.matches(view);
            };
        }
        String[] parts = text.split("\\s+", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("a condition is '*', 'simple: <predicate>' or '<field> <operator>"
                    + " [value]', not '" + text + "'");
        }
        FieldCondition condition = FieldCondition.of(parts[0], parts[1], parts.length > 2 ? parts[2] : null);
        return (event, view) -> condition.test(event);
    }
}
