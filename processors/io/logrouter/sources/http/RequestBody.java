package io.logrouter.sources.http;

import java.io.InputStream;
import java.util.Map;
import org.apache.camel.Exchange;

/** The request body as the decoders read it: a stream of bytes, never a form. */
final class RequestBody {

    private RequestBody() {
    }

    /** The body as a stream, or null when the request had none. */
    static InputStream open(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Map) {
            // platform-http decodes form bodies into a map: the lines are gone by then
            throw new IngestRejectedException(415, "send the body as application/x-ndjson, application/json or"
                    + " text/plain, not as a form");
        }
        return body == null ? null : exchange.getMessage().getBody(InputStream.class);
    }
}
