package io.logrouter.sources.tail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts the bytes of a file into lines at {@code \n}. It keeps at most {@code maxLineBytes} of a line and skips the rest
 * as it streams past, so an over-long line never sits whole in memory. A line without its newline yet stays pending:
 * the writer may still be in the middle of it.
 */
final class LineAssembler {

    private static final int INITIAL_CAPACITY = 2 * 1024;

    private final int maxLineBytes;
    private byte[] line;
    private int length;
    private boolean truncated;
    private long lineStart;
    private long position;

    LineAssembler(int maxLineBytes, long offset) {
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[Math.min(INITIAL_CAPACITY, maxLineBytes)];
        reset(offset);
    }

    /**
     * Consumes the buffer's bytes up to and including the next newline. Returns the completed line, or null when the
     * buffer ran out before the newline.
     */
    RawLine next(ByteBuffer buffer) {
        byte[] bytes = buffer.array();
        int start = buffer.arrayOffset() + buffer.position();
        int limit = buffer.arrayOffset() + buffer.limit();
        int newline = start;
        while (newline < limit && bytes[newline] != '\n') {
            newline++;
        }
        keep(bytes, start, newline - start);
        boolean complete = newline < limit;
        int consumed = newline - start + (complete ? 1 : 0);
        buffer.position(buffer.position() + consumed);
        position += consumed;
        return complete ? take() : null;
    }

    /** The unfinished line as it stands, for a file that nothing will ever be appended to again. */
    RawLine takePartial() {
        return position > lineStart ? take() : null;
    }

    /** Where the line in progress starts, and so where reading must resume to see it whole. */
    long lineStart() {
        return lineStart;
    }

    /** The offset just past the last consumed byte. */
    long position() {
        return position;
    }

    void reset(long offset) {
        lineStart = offset;
        position = offset;
        length = 0;
        truncated = false;
    }

    private void keep(byte[] bytes, int from, int count) {
        int kept = Math.min(count, maxLineBytes - length);
        if (kept < count) {
            truncated = true;
        }
        if (length + kept > line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + kept)));
        }
        System.arraycopy(bytes, from, line, length, kept);
        length += kept;
    }

    private RawLine take() {
        int end = length;
        if (!truncated && end > 0 && line[end - 1] == '\r') {
            end--;
        }
        RawLine raw = new RawLine(lineStart, new String(line, 0, end, StandardCharsets.UTF_8), truncated);
        reset(position);
        if (line.length > INITIAL_CAPACITY) {
            // one long line should not pin its buffer for the life of the file
            line = new byte[INITIAL_CAPACITY];
        }
        return raw;
    }
}
