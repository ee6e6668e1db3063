package io.logrouter.event;

/**
 * A sink could not durably write a batch within its retry budget, or a batch reached its source unsettled. The exchange
 * fails with it, so the source acknowledges nothing and delivers the batch again later. Every stage meets it (sinks and
 * the content router throw it, sources refuse with it and HTTP ingest answers it 503), so it lives with the event model.
 */
public class SinkUnavailableException extends RuntimeException {

    public SinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
