package io.logrouter.sources.tail;

/**
 * A log line on its way to becoming an event: where it starts in the file, which stream it came from, and its text so
 * far while the runtime's partial chunks or multiline continuations are still being joined to it.
 */
final class LogRecord {

    private final long offset;
    private final String stream;
    private final String time;
    private final String formatError;
    private final BoundedText message;
    private long lastAppendNanos;

    LogRecord(long offset, ContainerLine first, int maxMessageBytes) {
        this.offset = offset;
        this.stream = first.stream();
        this.time = first.time();
        this.formatError = first.formatError();
        this.message = new BoundedText(maxMessageBytes);
    }

    /** Adds a chunk of the same line: the runtime split it, so the pieces join without a separator. */
    void appendChunk(String text, boolean cutShort) {
        message.append(text);
        if (cutShort) {
            message.markTruncated();
        }
        lastAppendNanos = System.nanoTime();
    }

    /** Adds a whole following line, such as a stack frame, on a line of its own. */
    void appendLine(LogRecord next) {
        message.append("\n");
        message.append(next.message.toString());
        if (next.message.truncated()) {
            message.markTruncated();
        }
        lastAppendNanos = System.nanoTime();
    }

    long offset() {
        return offset;
    }

    String stream() {
        return stream;
    }

    String time() {
        return time;
    }

    String formatError() {
        return formatError;
    }

    BoundedText message() {
        return message;
    }

    long lastAppendNanos() {
        return lastAppendNanos;
    }
}
