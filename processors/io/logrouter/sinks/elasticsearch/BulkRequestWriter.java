package io.logrouter.sinks.elasticsearch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes events as a {@code _bulk} NDJSON body: an action line with index and id, then the document. */
public final class BulkRequestWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IndexNameTemplate index;
    private final String opType;

    public BulkRequestWriter(IndexNameTemplate index, String opType) {
        this.index = index;
        this.opType = opType;
    }

    public byte[] write(List<LogEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 384);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            for (LogEvent event : events) {
                json.writeStartObject();
                json.writeObjectFieldStart(opType);
                json.writeStringField("_index", index.resolve(event));
                if (event.id() != null) {
                    json.writeStringField("_id", event.id());
                }
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
                MAPPER.writeTree(json, event.fields());
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
