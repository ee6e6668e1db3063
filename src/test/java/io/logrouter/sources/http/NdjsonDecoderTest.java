package io.logrouter.sources.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.logrouter.event.EventBatch;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class NdjsonDecoderTest {

    private static EventBatch decode(byte[] body) throws Exception {
        return decode(body, null);
    }

    private static EventBatch decode(byte[] body, String idempotencyKey) throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeader(RequestIds.KEY_HEADER, idempotencyKey);
        new NdjsonDecoder().process(exchange);
        EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
        assertEquals(EventOrigins.of(exchange).size(), batch.size());
        return batch;
    }

    @Test
    void oneEventPerNonBlankLine() throws Exception {
        EventBatch batch = decode("{\"a\":1}\n\n  \nplain text\r\n{\"b\":2}".getBytes(StandardCharsets.UTF_8));
        assertEquals(3, batch.size());
        assertEquals("{\"a\":1}", batch.events().get(0).text("message"));
        assertEquals("plain text", batch.events().get(1).text("message"));
        assertEquals("{\"b\":2}", batch.events().get(2).text("message"));
    }

    @Test
    void linesAreNumberedAsTheClientCountsThem() throws Exception {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("first\n\nthird\r\nfourth".getBytes(StandardCharsets.UTF_8));
        new NdjsonDecoder().process(exchange);
        EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
        EventOrigins origins = EventOrigins.of(exchange);
        assertEquals(1, origins.positionOf(batch.events().get(0)));
        assertEquals(3, origins.positionOf(batch.events().get(1)));
        assertEquals(4, origins.positionOf(batch.events().get(2)));
    }

    @Test
    void eventsOfTwoRequestsNeverShareAnIdUnlessTheyShareAnIdempotencyKey() throws Exception {
        byte[] body = "same\nsame\nother\n".getBytes(StandardCharsets.UTF_8);
        EventBatch first = decode(body);
        EventBatch second = decode(body);
        assertNotEquals(first.events().get(0).id(), first.events().get(1).id(), "a repeated line is a second event");
        for (int i = 0; i < first.size(); i++) {
            assertNotEquals(first.events().get(i).id(), second.events().get(i).id());
        }

        EventBatch keyed = decode(body, "shipper-1:batch-42");
        EventBatch retried = decode(body, "shipper-1:batch-42");
        for (int i = 0; i < keyed.size(); i++) {
            assertEquals(keyed.events().get(i).id(), retried.events().get(i).id());
        }
        assertNotEquals(keyed.events().get(0).id(), keyed.events().get(1).id());
        assertNotEquals(keyed.events().get(0).id(), decode(body, "shipper-1:batch-43").events().get(0).id());
    }

    @Test
    void anUnusableIdempotencyKeyIsRefusedWithoutBeingRepeated() {
        byte[] body = "line\n".getBytes(StandardCharsets.UTF_8);
        for (String key : new String[] {"", "has space", "x".repeat(257), "caf\u00e9"}) {
            IngestRejectedException refused = assertThrows(IngestRejectedException.class, () -> decode(body, key));
            assertEquals(400, refused.getStatus());
            assertFalse(!key.isEmpty() && refused.getMessage().contains(key), refused.getMessage());
        }
    }

    @Test
    void aBodyWithoutAnyLineIsRefused() {
        for (String body : new String[] {"", "\n  \r\n\n"}) {
            assertEquals(400, assertThrows(IngestRejectedException.class,
                    () -> decode(body.getBytes(StandardCharsets.UTF_8))).getStatus());
        }
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() throws Exception {
        EventBatch batch = decode(new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28, '\n'});
        assertEquals("ok\uFFFD(", batch.events().get(0).text("message"));
    }
}
