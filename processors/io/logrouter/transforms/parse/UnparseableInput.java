package io.logrouter.transforms.parse;

/**
 * Thrown by a parser when the text is not in its format. Bad lines are routine in log streams, so the exception
 * carries no stack trace: it costs little more than a return value and keeps parsers free of result wrappers.
 */
public final class UnparseableInput extends Exception {

    private static final long serialVersionUID = 1L;

    public UnparseableInput(String reason) {
        super(reason, null, false, false);
    }
}
