package io.logrouter.sources.tail;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A node agent in a process of its own, for {@link TailCrashTest} to kill -9: it tails with a registry and "delivers"
 * each batch by appending its messages to a file and syncing it, a durable downstream whose content the test reads.
 */
public final class CrashingAgent {

    private CrashingAgent() {
    }

    /** Arguments: the tail: URI and the file that plays the downstream. Runs until killed. */
    public static void main(String[] args) throws Exception {
        Path delivered = Path.of(args[1]);
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(args[0]).process(exchange -> {
                    StringBuilder lines = new StringBuilder();
                    for (LogEvent event : exchange.getMessage().getBody(EventBatch.class)) {
                        lines.append(event.text("message")).append('\n');
                    }
                    try (FileChannel out = FileChannel.open(delivered, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND)) {
                        out.write(ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
                        out.force(true);
                    }
                    EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
                    batch.settle(batch); // written and forced to disk
                    Thread.sleep(20); // a downstream with some latency, so that the kill lands mid-stream
                });
            }
        });
        context.start();
        Thread.currentThread().join();
    }
}
