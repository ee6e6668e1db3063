package io.logrouter.sources.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void requestsBeyondTheBoundAre429AndPermitsComeBackWhateverTheOutcome() throws Exception {
        InFlightLimit limit = new InFlightLimit();
        limit.setMaxInFlight(1);
        limit.setRetryAfterSeconds(2);
        CountDownLatch release = new CountDownLatch(1);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:ingest").process(limit).process(exchange -> {
                        if (exchange.getMessage().getBody(String.class).equals("slow")) {
                            release.await(10, TimeUnit.SECONDS);
                        } else if (exchange.getMessage().getBody(String.class).equals("fail")) {
                            throw new IllegalStateException("sink down");
                        }
                    });
                }
            });
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();

            CompletableFuture<Exchange> slow = producer.asyncSend("direct:ingest",
                    exchange -> exchange.getMessage().setBody("slow"));
            while (limit.available() > 0) {
                Thread.sleep(10);
            }
            Exchange refused = producer.send("direct:ingest", exchange -> exchange.getMessage().setBody("fast"));
            IngestRejectedException e = assertInstanceOf(IngestRejectedException.class, refused.getException());
            assertEquals(429, e.getStatus());
            assertEquals(2, e.getRetryAfterSeconds());

            release.countDown();
            assertNull(slow.get(10, TimeUnit.SECONDS).getException());
            assertEquals(1, limit.available());
            assertInstanceOf(IllegalStateException.class,
                    producer.send("direct:ingest", exchange -> exchange.getMessage().setBody("fail")).getException());
            assertEquals(1, limit.available());
        }
    }
}
