package io.logrouter.sources.http;

import io.logrouter.event.LogEvent;

/**
 * One action of an Elasticsearch {@code _bulk} request and what the router does with it: an event to deliver, or an
 * action it refuses (with the status and reason its item in the bulk response carries).
 */
public record BulkItem(String action, String index, String id, LogEvent event, int refusedStatus, String refusedType,
        String refusedReason) {

    static BulkItem accepted(String action, String index, LogEvent event) {
        return new BulkItem(action, index, event.id(), event, 0, null, null);
    }

    static BulkItem refused(String action, String index, String id, int status, String type, String reason) {
        return new BulkItem(action, index, id, null, status, type, reason);
    }

    public boolean isAccepted() {
        return event != null;
    }
}
