package io.logrouter.sinks.elasticsearch;

import io.logrouter.event.LogEvent;
import java.util.List;

/** One {@code _bulk} request: the events it carries, in the order of its items, and its NDJSON body. */
record BulkRequest(List<LogEvent> events, byte[] body) {
}
