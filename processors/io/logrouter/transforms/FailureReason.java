package io.logrouter.transforms;

/**
 * The reason a transform writes into {@code error.message}, cut to a readable length: parser and date-time
 * exceptions quote the input, and the input can be a 10 MB line that is already kept in full in its own field.
 */
public final class FailureReason {

    private static final int MAX_LENGTH = 200;

    private FailureReason() {
    }

    public static String bounded(String reason) {
        return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH) + "...";
    }
}
