package io.logrouter.transforms;

import java.util.concurrent.TimeUnit;

/**
 * The text a regex runs over, with a deadline: java.util.regex cannot be interrupted, but it reads its input only
 * through {@link #charAt}, so a match that backtracks catastrophically is stopped by checking the clock there. The
 * clock is read once every few thousand characters, which keeps the cost for ordinary lines negligible. Used by the
 * parsers (a timeout is a parse failure) and the redactor (a timeout masks the whole value: it fails closed).
 */
public final class DeadlineCharSequence implements CharSequence {

    private static final int CHECK_EVERY_MASK = 0xFFF;
    private static final long NANOS_PER_CHAR = 1_000;

    /** Thrown out of the regex engine when the deadline has passed. */
    public static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("regex match ran past its deadline", null, false, false);
        }
    }

    private final String text;
    private final long deadlineNanos;
    private int reads;

    private DeadlineCharSequence(String text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * A budget of {@code timeoutMillis} plus 1 µs per character, starting now: about a hundred times what a linear
     * scan needs, so a 10 MB value is never cut short even on a loaded node, while catastrophic backtracking outgrows
     * any linear allowance within a few dozen characters. The bound is what matters: no thread is stuck for good.
     */
    public static DeadlineCharSequence withBudget(String text, long timeoutMillis) {
        long budget = TimeUnit.MILLISECONDS.toNanos(timeoutMillis) + text.length() * NANOS_PER_CHAR;
        return new DeadlineCharSequence(text, System.nanoTime() + budget);
    }

    @Override
    public char charAt(int index) {
        if ((++reads & CHECK_EVERY_MASK) == 0 && System.nanoTime() - deadlineNanos > 0) {
            throw new Expired();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    /** Group values are taken through here; a plain String keeps them free of the deadline. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
