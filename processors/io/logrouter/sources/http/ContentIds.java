package io.logrouter.sources.http;

import io.logrouter.event.EventId;
import java.util.HashMap;
import java.util.Map;

/**
 * Ids for the events of one request, from their content: a client that retries the request overwrites what an earlier
 * attempt wrote. The same content twice in one body is two events, so a repeat gets its count mixed in.
 */
final class ContentIds {

    private final Map<String, Integer> repeats = new HashMap<>();

    String next(String content) {
        int seen = repeats.merge(content, 1, Integer::sum);
        return EventId.ofContent(seen == 1 ? content : content + '\n' + seen);
    }
}
