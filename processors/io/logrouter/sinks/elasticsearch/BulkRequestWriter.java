package io.logrouter.sinks.elasticsearch;

import com.fasterxml.jackson.core.JsonGenerator;
import io.logrouter.event.LogEvent;
import io.logrouter.sinks.NdjsonLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Writes events as {@code _bulk} NDJSON bodies, an action line with index and id then the document, each body
 * holding at most {@code maxEvents} events and {@code maxBytes} bytes. An event bigger than {@code maxBytes} alone
 * still goes, alone, for the server to accept or refuse.
 */
public final class BulkRequestWriter {

    private final IndexNameTemplate index;
    private final String opType;
    private final int maxEvents;
    private final long maxBytes;

    public BulkRequestWriter(IndexNameTemplate index, String opType, int maxEvents, long maxBytes) {
        if (maxEvents < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("bulk bounds must be positive: " + maxEvents + " events, "
                    + maxBytes + " bytes");
        }
        this.index = index;
        this.opType = opType;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /**
     * The requests for {@code events}, in order, written one at a time as the iterator is advanced: only the bodies
     * a caller keeps are in memory, not the whole batch serialized.
     */
    public Iterator<BulkRequest> split(List<LogEvent> events) {
        return new Iterator<>() {
            private int next;
            private byte[] carried;

            @Override
            public boolean hasNext() {
                return next < events.size();
            }

            @Override
            public BulkRequest next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int first = next;
                ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(maxBytes, 1 << 20));
                while (next < events.size() && next - first < maxEvents) {
                    byte[] item = carried != null ? carried : item(events.get(next));
                    carried = null;
                    if (next > first && body.size() + item.length > maxBytes) {
                        carried = item;
                        break;
                    }
                    body.writeBytes(item);
                    next++;
                }
                return new BulkRequest(events.subList(first, next), body.toByteArray());
            }
        };
    }

    private byte[] item(LogEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = NdjsonLine.generator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart(opType);
            json.writeStringField("_index", index.resolve(event));
            if (event.id() != null) {
                json.writeStringField("_id", event.id());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
            NdjsonLine.write(json, event, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
