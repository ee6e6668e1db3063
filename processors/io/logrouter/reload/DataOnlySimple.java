package io.logrouter.reload;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.camel.language.simple.SimpleExpressionParser;
import org.apache.camel.language.simple.ast.LiteralNode;
import org.apache.camel.language.simple.ast.SimpleFunctionStart;
import org.apache.camel.language.simple.ast.SimpleNode;

/**
 * Whether a simple expression (or predicate) only reads data: Camel's own parser splits it into text and functions,
 * without creating any of them, and every function must be one of a few data functions; everything else, beans,
 * types, method calls, the context, system properties and the environment, nested functions and operators that
 * mutate, is refused. What the routes need: {@code ${body}} and {@code ${body[a.b]}} paths, headers, exchange
 * properties and variables by name, dates, ids, and {@code ${properties:name}} of allowed settings.
 */
final class DataOnlySimple {

    /** A key or index: no nested function, no call, no OGNL step after it. */
    private static final String INDEX = "\\[[^\\[\\]$(){}]+]";
    private static final String NAME = "(\\.[A-Za-z0-9_-]+|" + INDEX + ")";
    private static final List<Pattern> DATA_FUNCTIONS = Stream.of(
            "(in\\.)?body(" + INDEX + ")*",
            "(in\\.)?headers?" + NAME,
            "exchangeProperty" + NAME,
            "variables?" + NAME,
            "date(-with-timezone)?:(now|exchangeCreated|messageTimestamp|(header|exchangeProperty|variable)"
                    + "\\.[A-Za-z0-9_-]+)([+-][0-9]+[smhd])*(:[^${}()]*)?",
            "id|exchangeId|messageTimestamp|routeId|fromRouteId|stepId|null|uuid(:(default|short|simple|classic))?",
            "random\\([0-9]+(,[0-9]+)?\\)",
            "exception\\.message")
            .map(Pattern::compile).toList();
    private static final Pattern PROPERTY = Pattern.compile("properties:([^:]+)(:[^${}()]*)?");

    private DataOnlySimple() {
    }

    /** Why the expression is not data-only, or empty when it is. */
    static Optional<String> refusal(String expression, Predicate<String> allowedSetting) {
        if (expression == null || !(expression.contains("${") || expression.contains("$simple{"))) {
            return Optional.empty();
        }
        List<SimpleNode> nodes;
        try {
            nodes = new Tokens(expression).nodes();
        } catch (RuntimeException e) {
            return Optional.of("simple expression " + expression + " cannot be parsed: " + e.getMessage());
        }
        for (SimpleNode node : nodes) {
            Optional<String> refusal = refusal(node, allowedSetting);
            if (refusal.isPresent()) {
                return refusal.map(reason -> "simple: " + reason);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refusal(SimpleNode node, Predicate<String> allowedSetting) {
        if (node instanceof LiteralNode) {
            return Optional.empty();
        }
        if (!(node instanceof SimpleFunctionStart function)) {
            return Optional.of("'" + node + "' is not allowed (only data functions and text)");
        }
        List<SimpleNode> children = function.getBlock().getChildren();
        if (children.size() != 1 || !(children.get(0) instanceof LiteralNode literal)) {
            return Optional.of(function + " computes a function from another; only data functions are allowed");
        }
        String text = literal.getText().trim();
        Matcher property = PROPERTY.matcher(text);
        if (property.matches()) {
            String name = property.group(1).trim();
            return allowedSetting.test(name) ? Optional.empty()
                    : Optional.of("${properties:" + name + "} reads a setting routes files may not read");
        }
        return DATA_FUNCTIONS.stream().anyMatch(pattern -> pattern.matcher(text).matches()) ? Optional.empty()
                : Optional.of("${" + text + "} is not a data function (body, body[...], header.x, "
                        + "exchangeProperty.x, variable.x, date:..., properties:<allowed setting>)");
    }

    /** Camel's parser up to its syntax tree: no function is created, so nothing in the expression runs. */
    private static final class Tokens extends SimpleExpressionParser {

        Tokens(String expression) {
            super(null, expression, true, true, null);
        }

        List<SimpleNode> nodes() {
            return parseTokens();
        }
    }
}
