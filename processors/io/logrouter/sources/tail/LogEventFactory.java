package io.logrouter.sources.tail;

import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logrouter.event.EventId;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;

/**
 * Turns the records of one file into events. The id comes from the file's identity and the record's offset, so the
 * same line read again after a failure or a restart gets the same id and overwrites instead of duplicating.
 */
final class LogEventFactory {

    private final String sourceIdentity;
    private final Optional<ContainerLogFileName> container;

    /** The container is the one named by the path the file was found at: a rotated name no longer carries it. */
    LogEventFactory(String sourceIdentity, Optional<ContainerLogFileName> container) {
        this.sourceIdentity = sourceIdentity;
        this.container = container;
    }

    LogEvent create(LogRecord record, Path path) {
        LogEvent event = LogEvent.ofMessage(EventId.ofPosition(sourceIdentity, record.offset()), record.message().toString());
        event.put("log.file.path", path.toString());
        event.put("log.offset", JsonNodeFactory.instance.numberNode(record.offset()));
        if (record.stream() != null) {
            event.put("stream", record.stream());
        }
        if (record.time() != null) {
            event.put(FieldPath.TIMESTAMP, record.time());
        }
        container.ifPresent(name -> {
            event.put("kubernetes.pod.name", name.pod());
            event.put("kubernetes.namespace", name.namespace());
            event.put("kubernetes.container.name", name.container());
            event.put("container.id", name.containerId());
        });
        if (record.formatError() != null) {
            EventMarkers.mark(event, EventMarkers.PARSE_FAILURE, record.formatError());
        }
        // marked last: when both apply, both tags stay and error.* tells of the cut, which changed the message itself
        if (record.message().truncated()) {
            EventMarkers.mark(event, EventMarkers.TRUNCATED,
                    "message longer than " + record.message().maxBytes() + " bytes was cut to that size");
        }
        return event;
    }
}
