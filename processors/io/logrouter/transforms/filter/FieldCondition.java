package io.logrouter.transforms.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.DeadlineCharSequence;
import io.logrouter.transforms.FieldList;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test on one field, as route authors write it: {@code field: log.level}, {@code operator: in},
 * {@code value: debug,trace}. Operators: {@code equals}, {@code in} (comma list), {@code regex} (found anywhere;
 * anchor with ^ and $), {@code exists}, and the numeric {@code gt}, {@code gte}, {@code lt}, {@code lte}, which
 * accept numbers and numeric strings and are false for anything else. Values compare as text, so {@code 200}
 * equals both {@code 200} and {@code "200"}.
 */
public final class FieldCondition {

    private enum Operator { EQUALS, IN, REGEX, EXISTS, GT, GTE, LT, LTE }

    private static final long REGEX_TIMEOUT_MILLIS = 100;

    private final String field;
    private final Operator operator;
    private final Set<String> texts;
    private final Pattern regex;
    private final double number;

    private FieldCondition(String field, Operator operator, Set<String> texts, Pattern regex, double number) {
        this.field = field;
        this.operator = operator;
        this.texts = texts;
        this.regex = regex;
        this.number = number;
    }

    public static FieldCondition of(String field, String operator, String value) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("a condition needs a field");
        }
        Operator op = Operator.valueOf(operator.trim().toUpperCase(Locale.ROOT));
        if (op != Operator.EXISTS && value == null) {
            throw new IllegalArgumentException("operator " + operator + " needs a value");
        }
        return switch (op) {
            case EXISTS -> new FieldCondition(field, op, Set.of(), null, 0);
            case EQUALS -> new FieldCondition(field, op, Set.of(value), null, 0);
            case IN -> new FieldCondition(field, op, Set.copyOf(FieldList.parse(value)), null, 0);
            case REGEX -> new FieldCondition(field, op, Set.of(), Pattern.compile(value), 0);
            default -> new FieldCondition(field, op, Set.of(), null, Double.parseDouble(value));
        };
    }

    /**
     * Whether the event's field satisfies the test.
     *
     * @throws DeadlineCharSequence.Expired when a regex takes longer than its budget: the caller decides what an
     *     undecidable condition means for the event
     */
    public boolean test(LogEvent event) {
        JsonNode value = event.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        return switch (operator) {
            case EXISTS -> true;
            case EQUALS, IN -> !value.isContainerNode() && texts.contains(value.asText());
            case REGEX -> !value.isContainerNode()
                    && regex.matcher(DeadlineCharSequence.withBudget(value.asText(), REGEX_TIMEOUT_MILLIS)).find();
            default -> compare(value);
        };
    }

    private boolean compare(JsonNode value) {
        double actual;
        if (value.isNumber()) {
            actual = value.doubleValue();
        } else if (value.isTextual()) {
            try {
                actual = Double.parseDouble(value.textValue().trim());
            } catch (NumberFormatException e) {
                return false;
            }
        } else {
            return false;
        }
        return switch (operator) {
            case GT -> actual > number;
            case GTE -> actual >= number;
            case LT -> actual < number;
            default -> actual <= number;
        };
    }
}
