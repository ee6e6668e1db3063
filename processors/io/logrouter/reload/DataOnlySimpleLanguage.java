package io.logrouter.reload;

import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.camel.Expression;
import org.apache.camel.language.simple.SimpleLanguage;

/**
 * Camel's simple language, refusing any expression that is not data-only before Camel parses it into functions. It
 * stands in for Camel's in the router's context, so every simple expression Camel creates (a step's, a computed
 * endpoint's, a content router rule's) goes through it, whatever the check of the routes file saw.
 */
final class DataOnlySimpleLanguage extends SimpleLanguage {

    private final Predicate<String> allowedSetting;
    private final Consumer<String> refused;

    /** @param refused told why, before the refusal is thrown: the guard counts and logs it */
    DataOnlySimpleLanguage(Predicate<String> allowedSetting, Consumer<String> refused) {
        this.allowedSetting = allowedSetting;
        this.refused = refused;
    }

    @Override
    public org.apache.camel.Predicate createPredicate(String expression) {
        return super.createPredicate(checked(expression));
    }

    @Override
    public org.apache.camel.Predicate createPredicate(String expression, Object[] properties) {
        return super.createPredicate(checked(expression), properties);
    }

    @Override
    public Expression createExpression(String expression) {
        return super.createExpression(checked(expression));
    }

    @Override
    public Expression createExpression(String expression, Object[] properties) {
        return super.createExpression(checked(expression), properties);
    }

    @Override
    public Expression createExpression(String expression, Class<?> resultType) {
        return super.createExpression(checked(expression), resultType);
    }

    private String checked(String expression) {
        DataOnlySimple.refusal(expression, allowedSetting).ifPresent(reason -> {
            refused.accept(reason);
            throw new IllegalArgumentException(reason);
        });
        return expression;
    }
}
