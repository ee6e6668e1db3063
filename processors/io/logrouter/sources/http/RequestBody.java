package io.logrouter.sources.http;

import java.io.InputStream;
import org.apache.camel.Exchange;

/** The request body as the decoders read it: a stream of bytes (forms are refused before a route runs). */
final class RequestBody {

    private RequestBody() {
    }

    /** The body as a stream, or null when the request had none. */
    static InputStream open(Exchange exchange) {
        return exchange.getMessage().getBody() == null ? null : exchange.getMessage().getBody(InputStream.class);
    }
}
