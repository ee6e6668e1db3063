package io.logrouter.sinks.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkResultSplitterTest {

    private static List<BulkItemResult> split(String json, int items) throws IOException {
        return BulkResultSplitter.split(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), items);
    }

    @Test
    void noErrorsMeansNothingToSettleItemByItem() throws IOException {
        assertNull(split("{\"errors\":false}", 3));
        assertNull(split("{\"errors\":false,\"items\":[{\"index\":{\"status\":201}}]}", 1));
    }

    @Test
    void itemsKeepRequestOrderWithStatusAndReason() throws IOException {
        List<BulkItemResult> items = split("""
                {"errors":true,"items":[
                  {"index":{"status":201}},
                  {"index":{"status":400,"error":{"type":"document_parsing_exception",
                    "reason":"failed to parse field [n] of type [long]","caused_by":{"type":"x"}}}},
                  {"create":{"status":429,"error":{"type":"es_rejected_execution_exception","reason":"queue full"}}},
                  {"create":{"status":409,"error":{"type":"version_conflict_engine_exception","reason":"exists"}}}
                ]}""", 4);
        assertEquals(4, items.size());
        assertTrue(items.get(0).written(false));
        assertFalse(items.get(1).written(false));
        assertFalse(items.get(1).retryable());
        assertEquals("document_parsing_exception: failed to parse field [n] of type [long]", items.get(1).reason());
        assertTrue(items.get(2).retryable());
        assertTrue(items.get(3).written(true), "a create that finds its own id already there was written before");
        assertFalse(items.get(3).written(false));
    }

    @Test
    void aResponseThatDoesNotMatchTheRequestIsAnError() {
        assertThrows(IOException.class, () -> split("{\"errors\":true,\"items\":[{\"index\":{\"status\":201}}]}", 2));
        assertThrows(IOException.class, () -> split("[]", 1));
    }
}
