package io.logrouter.sources.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class BulkRequestDecoderTest {

    private Exchange exchange;

    private List<BulkItem> decode(String body, String pathIndex) throws Exception {
        return decode(body, pathIndex, null);
    }

    private List<BulkItem> decode(String body, String pathIndex, String idempotencyKey) throws Exception {
        exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setHeader("index", pathIndex);
        exchange.getMessage().setHeader(RequestIds.KEY_HEADER, idempotencyKey);
        new BulkRequestDecoder().process(exchange);
        @SuppressWarnings("unchecked")
        List<BulkItem> items = exchange.getProperty(BulkRequestDecoder.ITEMS, List.class);
        return items;
    }

    private EventBatch batch() {
        return exchange.getMessage().getBody(EventBatch.class);
    }

    @Test
    void indexAndCreateBecomeEventsWithTheClientIdOrAnIdOfTheRequest() throws Exception {
        String body = "{\"create\":{\"_index\":\"filebeat-8.19.0\"}}\n{\"message\":\"a\"}\n"
                + "{\"index\":{\"_id\":\"mine\"}}\n{\"message\":\"b\"}\n"
                + "{\"create\":{}}\n{\"message\":\"a\"}\n";
        List<BulkItem> items = decode(body, "from-path");

        assertEquals(3, items.size());
        assertEquals(3, batch().size());
        assertEquals("filebeat-8.19.0", items.get(0).index());
        assertEquals("from-path", items.get(1).index());
        assertEquals("mine", items.get(1).id());
        assertEquals("mine", batch().events().get(1).id());
        assertNotEquals(items.get(0).id(), items.get(2).id(), "a repeated document is a second event");
        assertEquals("filebeat-8.19.0", batch().events().get(0).text(BulkRequestDecoder.REQUESTED_INDEX_FIELD));
        assertEquals("a", batch().events().get(0).text("message"));

        List<BulkItem> again = decode(body, "from-path");
        assertNotEquals(items.get(0).id(), again.get(0).id(), "the same document in another request is another event");
        assertEquals("mine", again.get(1).id(), "the client's _id is kept");

        List<BulkItem> keyed = decode(body, "from-path", "batch-17");
        List<BulkItem> retried = decode(body, "from-path", "batch-17");
        for (int i = 0; i < keyed.size(); i++) {
            assertEquals(keyed.get(i).id(), retried.get(i).id(), "a retry with the same Idempotency-Key");
        }
        assertNotEquals(keyed.get(0).id(), decode(body, "from-path", "batch-18").get(0).id());
    }

    @Test
    void updatesAndDeletesAreRefusedItemByItemAndBadDocumentsKeptWithTheMarker() throws Exception {
        List<BulkItem> items = decode("{\"delete\":{\"_id\":\"1\"}}\n{\"update\":{\"_id\":\"2\"}}\n{\"doc\":{}}\n"
                + "{\"index\":{}}\nnot json\n", null);

        assertEquals(3, items.size());
        assertFalse(items.get(0).isAccepted());
        assertEquals(400, items.get(0).refusedStatus());
        assertEquals("update", items.get(1).action());
        assertFalse(items.get(1).isAccepted());
        assertTrue(items.get(2).isAccepted());
        assertEquals(1, batch().size());
        assertEquals("not json", batch().events().get(0).text("message"));
        assertTrue(EventMarkers.has(batch().events().get(0), EventMarkers.PARSE_FAILURE));
    }

    @Test
    void anUnreadableActionLineOrAMissingDocumentRefusesTheRequest() {
        for (String body : new String[] {"{\"index\":{}}\n{}\nnonsense\n{}\n", "{\"upsert\":{}}\n{}\n",
                "{\"index\":{}}\n", "{\"index\":{},\"create\":{}}\n{}\n", "", "\n\n"}) {
            IngestRejectedException e = assertThrows(IngestRejectedException.class, () -> decode(body, null), body);
            assertEquals(400, e.getStatus());
        }
    }
}
