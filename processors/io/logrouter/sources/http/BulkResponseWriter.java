package io.logrouter.sources.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.sources.SettledBatch;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The response to a {@code _bulk} request, in Elasticsearch's format, one item per action in request order. It is given
 * only when the sinks have written or dead-lettered every event ({@link SettledBatch}; else 503, as for
 * {@link IngestAccepted}), so each accepted action is answered 201: an
 * event that Elasticsearch rejected for good is safe in the dead-letter topic, and a shipper that retried it would
 * only be rejected again. Refused actions carry their 400 and reason, and {@code errors} is true when there is one.
 */
public final class BulkResponseWriter implements Processor {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void process(Exchange exchange) throws IOException {
        SettledBatch.requireSettled(exchange);
        @SuppressWarnings("unchecked")
        List<BulkItem> items = exchange.getProperty(BulkRequestDecoder.ITEMS, List.class);
        StringWriter body = new StringWriter(64 + items.size() * 96);
        try (JsonGenerator json = MAPPER.createGenerator(body)) {
            json.writeStartObject();
            json.writeNumberField("took", Math.max(0, exchange.getClock().elapsed()));
            json.writeBooleanField("errors", items.stream().anyMatch(item -> !item.isAccepted()));
            json.writeArrayFieldStart("items");
            for (BulkItem item : items) {
                write(json, item);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        IngestResponse.elasticsearch(exchange, 200, body.toString());
    }

    private static void write(JsonGenerator json, BulkItem item) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart(item.action());
        json.writeStringField("_index", item.index());
        json.writeStringField("_id", item.id());
        if (item.isAccepted()) {
            json.writeNumberField("_version", 1);
            json.writeStringField("result", "created");
            json.writeNumberField("status", 201);
        } else {
            json.writeNumberField("status", item.refusedStatus());
            json.writeObjectFieldStart("error");
            json.writeStringField("type", item.refusedType());
            json.writeStringField("reason", item.refusedReason());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
