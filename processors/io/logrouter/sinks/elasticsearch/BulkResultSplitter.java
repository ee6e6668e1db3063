package io.logrouter.sinks.elasticsearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code _bulk} response, requested with {@code filter_path=errors,items.*.status,items.*.error}, into one
 * result per item in request order. A streaming parse: a response for thousands of items is read without building a
 * tree, and when {@code errors} is false there is nothing to read item by item.
 */
public final class BulkResultSplitter {

    static final String FILTER_PATH = "errors,items.*.status,items.*.error.type,items.*.error.reason";

    private static final JsonFactory JSON = new JsonFactory();

    private BulkResultSplitter() {
    }

    /** Returns null when every item succeeded, otherwise the result of each item in order. */
    public static List<BulkItemResult> split(InputStream response, int itemCount) throws IOException {
        try (JsonParser parser = JSON.createParser(response)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            List<BulkItemResult> items = null;
            boolean errors = true;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("errors".equals(field)) {
                    errors = value == JsonToken.VALUE_TRUE;
                } else if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    items = readItems(parser, itemCount);
                } else {
                    parser.skipChildren();
                }
            }
            if (!errors) {
                return null;
            }
            if (items == null || items.size() != itemCount) {
                throw new IOException("bulk response has " + (items == null ? 0 : items.size())
                        + " items for " + itemCount + " sent");
            }
            return items;
        }
    }

    private static List<BulkItemResult> readItems(JsonParser parser, int itemCount) throws IOException {
        List<BulkItemResult> items = new ArrayList<>(itemCount);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            expect(parser.nextToken(), JsonToken.FIELD_NAME); // the op type: index, create, ...
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            items.add(readItem(parser));
            expect(parser.nextToken(), JsonToken.END_OBJECT);
        }
        return items;
    }

    private static BulkItemResult readItem(JsonParser parser) throws IOException {
        int status = 0;
        String type = null;
        String reason = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("status".equals(field)) {
                status = parser.getIntValue();
            } else if ("error".equals(field) && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String errorField = parser.currentName();
                    parser.nextToken();
                    if ("type".equals(errorField)) {
                        type = parser.getText();
                    } else if ("reason".equals(errorField)) {
                        reason = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        return new BulkItemResult(status, type, reason);
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("unexpected bulk response: " + actual + " where " + expected + " belongs");
        }
    }
}
