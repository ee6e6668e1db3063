package io.logrouter.sources.tail;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Joins the lines of one logical event, such as a Java stack trace, with newlines. A record is held back until a line
 * that starts the next event arrives on the same stream, or until no continuation has come for the flush timeout.
 */
final class MultilineJoiner implements Consumer<LogRecord> {

    private final PendingByStream pending = new PendingByStream();
    private final Pattern pattern;
    private final boolean patternMarksContinuation;
    private final long flushNanos;
    private final Consumer<LogRecord> next;

    MultilineJoiner(Pattern pattern, MultilineMatch match, long flushMillis, Consumer<LogRecord> next) {
        this.pattern = pattern;
        this.patternMarksContinuation = match == MultilineMatch.CONTINUATION;
        this.flushNanos = TimeUnit.MILLISECONDS.toNanos(flushMillis);
        this.next = next;
    }

    @Override
    public void accept(LogRecord record) {
        LogRecord previous = pending.get(record.stream());
        if (previous != null && continues(record)) {
            previous.appendLine(record);
            return;
        }
        if (previous != null) {
            next.accept(previous);
        }
        pending.put(record);
    }

    /** Emits, at most {@code room} of them, the events whose next line has not come within the flush timeout. */
    void flushExpired(long nowNanos, int room) {
        pending.release(record -> nowNanos - record.lastAppendNanos() >= flushNanos, room, next);
    }

    PendingByStream pending() {
        return pending;
    }

    /** Passes on the events being joined as they stand, for a file that will never be written to again. */
    void flush() {
        pending.releaseAll(next);
    }

    private boolean continues(LogRecord record) {
        return pattern.matcher(record.message().toString()).find() == patternMarksContinuation;
    }
}
