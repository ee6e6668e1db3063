package io.logrouter.transforms.timestamp;

import java.time.DateTimeException;

/**
 * Text that is not in the format tried. Without a stack trace: with a list of formats most tries miss, and the
 * message is all a reader of the failure needs.
 */
final class UnrecognisedTimestamp extends DateTimeException {

    private static final long serialVersionUID = 1L;

    UnrecognisedTimestamp(String text, Object format) {
        super("not " + format + ": " + text);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
