package io.logrouter.sinks;

/**
 * A sink could not durably write a batch within its retry budget. The exchange fails with it, so the source
 * acknowledges nothing and delivers the batch again later.
 */
public class SinkUnavailableException extends RuntimeException {

    public SinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
