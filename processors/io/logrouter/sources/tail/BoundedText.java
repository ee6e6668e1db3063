package io.logrouter.sources.tail;

/**
 * Text that stops growing at a budget of UTF-8 bytes, so that an endless line, a long run of partial chunks or a huge
 * stack trace costs bounded memory. What does not fit is dropped and remembered as {@link #truncated()}.
 */
final class BoundedText {

    private final StringBuilder text = new StringBuilder();
    private final int maxBytes;
    private int bytes;
    private boolean truncated;

    BoundedText(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    void append(CharSequence more) {
        if (truncated) {
            return;
        }
        int end = 0;
        int added = 0;
        while (end < more.length()) {
            char c = more.charAt(end);
            boolean pair = Character.isHighSurrogate(c) && end + 1 < more.length()
                    && Character.isLowSurrogate(more.charAt(end + 1));
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
            if (bytes + added + size > maxBytes) {
                truncated = true;
                break;
            }
            added += size;
            end += pair ? 2 : 1;
        }
        text.append(more, 0, end);
        bytes += added;
    }

    /** For text that was already cut before it got here (an over-long line in the file). */
    void markTruncated() {
        truncated = true;
    }

    boolean truncated() {
        return truncated;
    }

    int maxBytes() {
        return maxBytes;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
