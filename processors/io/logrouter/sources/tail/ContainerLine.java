package io.logrouter.sources.tail;

/**
 * One line of a file after its framing is taken off: the text, and for container runtime formats the stream, the
 * runtime's timestamp and whether the runtime split the line ({@code partial}: more chunks of it follow).
 * {@code formatError} says why a line that should have been framed was kept as plain text.
 */
record ContainerLine(String time, String stream, boolean partial, String text, String formatError) {

    static ContainerLine plain(String text) {
        return new ContainerLine(null, null, false, text, null);
    }

    static ContainerLine malformed(String text, String formatError) {
        return new ContainerLine(null, null, false, text, formatError);
    }
}
