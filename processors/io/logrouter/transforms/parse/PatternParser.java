package io.logrouter.transforms.parse;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parsers that match a regex with field groups ({@link FieldPattern}), bounded in time so that a pattern that
 * backtracks catastrophically on some line costs that line a parse-failure marker, not the pipeline a stuck thread.
 * The pattern is compiled on first use because its options (the expression, extra grok definitions) are set one by
 * one and in no guaranteed order.
 */
public abstract class PatternParser extends FieldParser {

    private long timeoutMillis = 100;
    private volatile FieldPattern compiled;

    /** Builds the pattern from the options; called once, after they are all set. */
    protected abstract FieldPattern compile();

    /** For setters: the next event recompiles. */
    protected final void optionsChanged() {
        compiled = null;
    }

    @Override
    protected final ObjectNode parse(String raw) throws UnparseableInput {
        FieldPattern pattern = compiled;
        if (pattern == null) {
            // two threads may both compile; the results are equal, so the race is harmless
            pattern = compile();
            compiled = pattern;
        }
        return pattern.match(raw, timeoutMillis);
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    /** The most one line may spend matching, plus 1 µs per character of the line; 100 ms by default. */
    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }
}
