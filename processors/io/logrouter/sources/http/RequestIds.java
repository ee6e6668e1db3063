package io.logrouter.sources.http;

import io.logrouter.event.EventId;
import java.util.UUID;
import org.apache.camel.Exchange;

/**
 * Ids for the events of one request, by their position in it (line, or array item). Without a client key every
 * request gets a random scope, so events of two requests never share an id, even when their content is the same (a
 * line repeated because of a reset connection is two events): delivery is at-least-once, and a client that retries a
 * request whose response it lost writes its events a second time. With an {@code Idempotency-Key} header the scope is
 * that key, so a retry with the same key writes the same ids and overwrites: exactly once. A key names one request:
 * a different body sent under the same key overwrites the first one's events position by position.
 */
final class RequestIds {

    static final String KEY_HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 256;

    private final String scope;

    private RequestIds(String scope) {
        this.scope = scope;
    }

    static RequestIds of(Exchange exchange) {
        String key = exchange.getMessage().getHeader(KEY_HEADER, String.class);
        if (key == null) {
            return new RequestIds("http-request:" + UUID.randomUUID());
        }
        if (!isValidKey(key)) {
            throw new IngestRejectedException(400, KEY_HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters");
        }
        return new RequestIds("http-key:" + key);
    }

    /** The id of the event at this 1-based position of the request. */
    String at(int position) {
        return EventId.ofPosition(scope, position);
    }

    private static boolean isValidKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c > ' ' && c < 0x7F);
    }
}
