package io.logrouter.transforms.filter;

import io.logrouter.event.LogEvent;
import io.logrouter.transforms.BuiltOnFirstUse;
import io.logrouter.transforms.DeadlineCharSequence;
import io.logrouter.transforms.EventTransform;
import java.util.concurrent.atomic.LongAdder;

/**
 * A filter that keeps or drops events by one {@link FieldCondition}, set as {@code field}, {@code operator}
 * ({@code equals} by default) and {@code value}. The condition is built on first use, once all three are set. An event whose condition cannot be decided in time (a slow regex) is kept:
 * losing data is worse than indexing a line too many.
 */
public abstract class ConditionFilter extends EventTransform {

    private String field;
    private String operator = "equals";
    private String value;
    private final BuiltOnFirstUse<FieldCondition> condition =
            new BuiltOnFirstUse<>(() -> FieldCondition.of(field, operator, value));
    private final LongAdder dropped = new LongAdder();
    private final LongAdder undecided = new LongAdder();

    /** Whether an event that satisfies the condition stays in the batch. */
    protected abstract boolean keepsMatching();

    @Override
    public final boolean apply(LogEvent event) {
        boolean matches;
        try {
            matches = condition.get().test(event);
        } catch (DeadlineCharSequence.Expired e) {
            undecided.increment();
            return true;
        }
        if (matches == keepsMatching()) {
            return true;
        }
        dropped.increment();
        return false;
    }

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
        condition.reset();
    }

    public String getOperator() {
        return operator;
    }

    /** equals (default), in, regex, exists, gt, gte, lt, lte. */
    public void setOperator(String operator) {
        this.operator = operator;
        condition.reset();
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
        condition.reset();
    }

    public long getDroppedCount() {
        return dropped.sum();
    }

    public long getUndecidedCount() {
        return undecided.sum();
    }
}
