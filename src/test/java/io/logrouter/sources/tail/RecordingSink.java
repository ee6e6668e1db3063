package io.logrouter.sources.tail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The end of the test route: records every batch, and fails on demand to play a downstream that is down, or holds
 * one batch to play a slow delivery.
 */
final class RecordingSink implements Processor {

    final List<EventBatch> delivered = new CopyOnWriteArrayList<>();
    final List<EventBatch> refused = new CopyOnWriteArrayList<>();
    volatile boolean failing;
    /** The batch that starts with this message is refused once. */
    volatile String refuseOnce;
    /** The batch that starts with this message waits for {@link #release}. */
    volatile String hold;
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
        String first = batch.events().get(0).text("message");
        if (first.equals(hold) && !release.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
        }
        if (failing || first.equals(refuseOnce)) {
            refuseOnce = null;
            refused.add(batch);
            throw new IllegalStateException("downstream unavailable");
        }
        delivered.add(batch);
        batch.settle(batch); // as a sink does once it has written them
    }

    List<LogEvent> events() {
        return delivered.stream().flatMap(batch -> batch.events().stream()).toList();
    }

    List<String> messages() {
        return events().stream().map(event -> event.text("message")).toList();
    }
}
