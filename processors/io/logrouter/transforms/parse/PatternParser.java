package io.logrouter.transforms.parse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.transforms.BuiltOnFirstUse;

/**
 * The parsers that match a regex with field groups ({@link FieldPattern}), bounded in time so that a pattern that
 * backtracks catastrophically on some line costs that line a parse-failure marker, not the pipeline a stuck thread.
 * The pattern is compiled on first use, once its options (the expression, extra grok definitions) are all set.
 */
public abstract class PatternParser extends FieldParser {

    private long timeoutMillis = 100;
    private final BuiltOnFirstUse<FieldPattern> compiled = new BuiltOnFirstUse<>(this::compile);

    /** Builds the pattern from the options; called once, after they are all set. */
    protected abstract FieldPattern compile();

    /** For setters: the next event recompiles. */
    protected final void optionsChanged() {
        compiled.reset();
    }

    @Override
    protected final ObjectNode parse(String raw) throws UnparseableInput {
        return compiled.get().match(raw, timeoutMillis);
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    /** The most one line may spend matching, plus 1 µs per character of the line; 100 ms by default. */
    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }
}
