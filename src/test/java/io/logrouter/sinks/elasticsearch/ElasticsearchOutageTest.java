package io.logrouter.sinks.elasticsearch;

import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.deleteIndices;
import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.unique;
import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.versionsById;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import io.logrouter.it.TcpProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search server goes away mid-stream and comes back, seen through a {@link TcpProxy} that cuts every connection.
 *
 * <p>Memory stays bounded by construction, which the test checks where it can be observed: the producer is
 * synchronous (the source's thread waits in it, which is the route's back-pressure), the events it retries are views
 * of the batch the exchange already holds, and request bodies are written only when one of the endpoint's
 * {@code maxInFlight} slots is free. So an outage holds one batch per waiting source thread and at most
 * {@code maxInFlight} request bodies (plus the next one written), never a queue that grows with the outage; the
 * peak number of requests in flight is asserted below. A heap measurement would be too noisy on a shared machine.
 */
class ElasticsearchOutageTest {

    private static final String OPTIONS = "maxBulkEvents=50&maxInFlight=2&retryInitialMillis=50&retryMaxMillis=400";

    private static List<LogEvent> events(String prefix, int count) {
        List<LogEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LogEvent event = LogEvent.ofMessage(prefix + "-" + i, "event " + i + " of " + prefix);
            event.put("service.name", "outage");
            events.add(event);
        }
        return events;
    }

    @ParameterizedTest
    @MethodSource("io.logrouter.sinks.elasticsearch.BulkSinkHarness#servers")
    void everyEventArrivesOnceAndTheSinkHoldsNoMoreThanItsRequestsInFlight(String server) throws Exception {
        String index = unique("essink-outage");
        List<LogEvent> before = events("before", 200);
        List<LogEvent> refused = events("refused", 200);
        List<LogEvent> during = events("during", 2_000);
        try {
            try (TcpProxy proxy = TcpProxy.to(server);
                    BulkSinkHarness impatient = new BulkSinkHarness(proxy.url("http"),
                            "index=" + index + "&" + OPTIONS + "&retryBudgetMillis=2000");
                    BulkSinkHarness patient = new BulkSinkHarness(proxy.url("http"),
                            "index=" + index + "&" + OPTIONS + "&retryBudgetMillis=60000")) {
                assertNull(patient.send(before).getException());

                proxy.close();
                Exchange failed = impatient.send(refused);
                assertInstanceOf(SinkUnavailableException.class, failed.getException(),
                        "past its retry budget the exchange fails, so the source acknowledges nothing");

                proxy.reopen();
                long sentBefore = proxy.bytesToTarget();
                CompletableFuture<Exchange> sending = CompletableFuture.supplyAsync(() -> patient.send(during));
                // a quarter of the batch's ~250 kB on its way: some requests answered, others not sent yet
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                        .until(() -> sending.isDone() || proxy.bytesToTarget() - sentBefore > 60_000);
                proxy.close();
                assertFalse(sending.isDone(), "the outage caught the batch mid-stream");
                Thread.sleep(1_000);
                proxy.reopen();
                Exchange waited = sending.get();
                assertNull(waited.getException(), "a batch caught by the outage waits and is written when it is over");

                assertNull(impatient.send(refused).getException(), "the source delivers the failed batch again");
                assertNull(patient.send(before).getException(), "a batch whose acknowledgement was lost comes again");

                Map<String, Long> versions = versionsById(server, index);
                Set<String> expected = new TreeSet<>();
                Stream.of(before, refused, during).flatMap(List::stream).forEach(event -> expected.add(event.id()));
                assertEquals(expected, versions.keySet(), "every event once: no loss, no duplicate document");
                before.forEach(event -> assertEquals(2L, versions.get(event.id()), "overwritten by id, not added"));
                assertTrue(patient.peakInFlight() <= 2 && impatient.peakInFlight() <= 2,
                        "in flight at most maxInFlight: " + patient.peakInFlight() + ", " + impatient.peakInFlight());
            }
        } finally {
            deleteIndices(server, index);
        }
    }
}
