package io.logrouter.transforms.parse;

/**
 * The text a regex runs over, with a deadline: java.util.regex cannot be interrupted, but it reads its input only
 * through {@link #charAt}, so a match that backtracks catastrophically is stopped by checking the clock there. The
 * clock is read once every few thousand characters, which keeps the cost for ordinary lines negligible.
 */
final class DeadlineCharSequence implements CharSequence {

    private static final int CHECK_EVERY_MASK = 0xFFF;

    /** Thrown out of the regex engine when the deadline has passed. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("regex match ran past its deadline", null, false, false);
        }
    }

    private final String text;
    private final long deadlineNanos;
    private int reads;

    DeadlineCharSequence(String text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
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
