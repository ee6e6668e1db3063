package io.logrouter.sources.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.SinkUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class IngestErrorResponseTest {

    private static Message answer(Throwable failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("Authorization", "Bearer secret");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
        new IngestErrorResponse().process(exchange);
        return exchange.getMessage();
    }

    @Test
    void aSinkOutOfItsBudgetIs503WithRetryAfter() throws Exception {
        Message response = answer(new SinkUnavailableException("Elasticsearch unavailable after 7 retries", null));
        assertEquals(503, response.getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("5", response.getHeader("Retry-After"));
        assertNull(response.getHeader("Authorization"));
        JsonNode body = new ObjectMapper().readTree(response.getBody(String.class));
        assertEquals(503, body.get("status").asInt());
        assertFalse(body.at("/error/reason").asText().contains("retries"), "sink details stay in the log");
    }

    @Test
    void aRouteBetweenTwoVersionsOfItsFileIs503WithRetryAfter() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        Message response = answer(new DirectConsumerNotAvailableException("No consumers available", exchange));
        assertEquals(503, response.getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("1", response.getHeader("Retry-After"));
    }

    @Test
    void rejectionsKeepTheirStatusAndReasonAndSurprisesHideTheirDetails() throws Exception {
        Message tooMany = answer(new IngestRejectedException(429, "too many", 1));
        assertEquals(429, tooMany.getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("1", tooMany.getHeader("Retry-After"));
        assertEquals("too many", new ObjectMapper().readTree(tooMany.getBody(String.class)).at("/error/reason")
                .asText());

        Message surprise = answer(new IllegalStateException("internal detail"));
        assertEquals(500, surprise.getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertFalse(surprise.getBody(String.class).contains("internal detail"));
    }
}
