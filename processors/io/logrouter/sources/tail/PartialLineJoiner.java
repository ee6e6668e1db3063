package io.logrouter.sources.tail;

import java.util.function.Consumer;

/**
 * Joins the chunks a container runtime split a long line into (CRI {@code P}, Docker records without a newline) back
 * into one record.
 */
final class PartialLineJoiner {

    private final PendingByStream pending = new PendingByStream();
    private final int maxMessageBytes;
    private final Consumer<LogRecord> next;

    PartialLineJoiner(int maxMessageBytes, Consumer<LogRecord> next) {
        this.maxMessageBytes = maxMessageBytes;
        this.next = next;
    }

    void accept(long offset, ContainerLine line, boolean cutShort) {
        LogRecord record = pending.remove(line.stream());
        if (record == null) {
            record = new LogRecord(offset, line, maxMessageBytes);
        }
        record.appendChunk(line.text(), cutShort);
        if (line.partial()) {
            pending.put(record);
        } else {
            next.accept(record);
        }
    }

    PendingByStream pending() {
        return pending;
    }

    /** Passes on the unfinished lines as they stand, for a file that will never be written to again. */
    void flush() {
        pending.releaseAll(next);
    }
}
