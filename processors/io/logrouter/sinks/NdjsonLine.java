package io.logrouter.sinks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.logrouter.event.LogEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * One event as one NDJSON line: its fields, with the event id under {@code idField} first (unless null). The file
 * sinks (S3 archive, local file) store these lines with the id, so that a reader can de-duplicate should a source ever
 * re-deliver events in differently cut batches; the Elasticsearch bulk body carries them without it, after each
 * action line.
 */
public final class NdjsonLine {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // lines are ended explicitly; Jackson would otherwise put a space between root values
        MAPPER.getFactory().setRootValueSeparator(null);
    }

    private NdjsonLine() {
    }

    /** A UTF-8 generator for {@link #write} lines. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.createGenerator(out, JsonEncoding.UTF8);
    }

    public static void write(JsonGenerator json, LogEvent event, String idField) throws IOException {
        // the nodes serialize themselves: json.writeTree would go through ObjectMapper.writeValue for every field,
        // which builds a serializer provider and flushes the generator each time (most of the sink's CPU)
        SerializerProvider provider = MAPPER.getSerializerProviderInstance();
        json.writeStartObject();
        if (idField != null) {
            json.writeStringField(idField, event.id());
        }
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals(idField)) {
                json.writeFieldName(field.getKey());
                ((JsonSerializable) field.getValue()).serialize(json, provider);
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
