package io.logrouter.sources.tail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The records a joiner holds back, one per stream (stdout and stderr lines interleave in one container log, and each
 * stream's pieces only join each other). Plain files have a single stream, keyed null.
 */
final class PendingByStream {

    private final Map<String, LogRecord> records = new HashMap<>(4);

    LogRecord get(String stream) {
        return records.get(stream);
    }

    LogRecord remove(String stream) {
        return records.remove(stream);
    }

    void put(LogRecord record) {
        records.put(record.stream(), record);
    }

    int size() {
        return records.size();
    }

    /** The offset of the earliest record held back, or Long.MAX_VALUE: a checkpoint must not pass it. */
    long earliestOffset() {
        long earliest = Long.MAX_VALUE;
        for (LogRecord record : records.values()) {
            earliest = Math.min(earliest, record.offset());
        }
        return earliest;
    }

    /** Hands on, in file order and at most {@code limit} of them, the records that satisfy the condition. */
    void release(Predicate<LogRecord> condition, int limit, Consumer<LogRecord> next) {
        List<LogRecord> released = new ArrayList<>();
        for (Iterator<LogRecord> it = records.values().iterator(); it.hasNext() && released.size() < limit; ) {
            LogRecord record = it.next();
            if (condition.test(record)) {
                released.add(record);
                it.remove();
            }
        }
        released.sort(Comparator.comparingLong(LogRecord::offset));
        released.forEach(next);
    }

    void releaseAll(Consumer<LogRecord> next) {
        release(record -> true, Integer.MAX_VALUE, next);
    }

    void clear() {
        records.clear();
    }
}
