package io.logrouter.sources.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ControlHeaderFilterTest {

    @Test
    void camelHeadersGoWhateverTheirCaseAndOthersStay() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader("CamelHttpResponseCode", 201);
        exchange.getMessage().setHeader("camelhttpuri", "/elsewhere");
        exchange.getMessage().setHeader("CAMELFILENAME", "/etc/passwd");
        exchange.getMessage().setHeader("org.apache.camel.foo", "bar");
        exchange.getMessage().setHeader("Content-Type", "application/x-ndjson");
        exchange.getMessage().setHeader("Authorization", "Bearer t");
        exchange.getMessage().setHeader("index", "logs-app");
        exchange.getMessage().setHeader("X-Camel-Like", "kept: only a prefix means Camel");

        new ControlHeaderFilter().process(exchange);

        assertEquals(Set.of("Content-Type", "Authorization", "index", "X-Camel-Like"),
                exchange.getMessage().getHeaders().keySet());
    }
}
