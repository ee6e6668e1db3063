package io.logrouter.sources.tail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The end of the test route: records every batch, and fails on demand to play a downstream that is down. */
final class RecordingSink implements Processor {

    final List<EventBatch> delivered = new CopyOnWriteArrayList<>();
    final List<EventBatch> refused = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public void process(Exchange exchange) {
        EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
        if (failing) {
            refused.add(batch);
            throw new IllegalStateException("downstream unavailable");
        }
        delivered.add(batch);
    }

    List<LogEvent> events() {
        return delivered.stream().flatMap(batch -> batch.events().stream()).toList();
    }

    List<String> messages() {
        return events().stream().map(event -> event.text("message")).toList();
    }
}
