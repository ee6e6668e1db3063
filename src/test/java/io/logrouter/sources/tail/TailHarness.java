package io.logrouter.sources.tail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A real Camel context with one route from a tail: URI into a {@link RecordingSink}. */
final class TailHarness implements AutoCloseable {

    /** Short intervals so the tests finish quickly; each test adds what it is about. */
    static final String FAST = "pollInterval=10&scanInterval=50";

    final RecordingSink sink;
    private final CamelContext context;

    private TailHarness(CamelContext context, RecordingSink sink) {
        this.context = context;
        this.sink = sink;
    }

    static TailHarness start(String uri) throws Exception {
        return start(uri, new RecordingSink());
    }

    static TailHarness start(String uri, RecordingSink sink) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("tail").process(sink);
            }
        });
        context.start();
        return new TailHarness(context, sink);
    }

    TailConsumer consumer() {
        return (TailConsumer) context.getRoute("tail").getConsumer();
    }

    @Override
    public void close() {
        context.stop();
    }

    static void append(Path file, String text) throws IOException {
        append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The committed offset of each file in the registry, by last known path. */
    static Map<String, Long> committedOffsets(Path registry) throws IOException {
        Map<String, Long> offsets = new TreeMap<>();
        if (Files.exists(registry)) {
            for (JsonNode file : new ObjectMapper().readTree(registry.toFile()).get("files")) {
                offsets.put(file.get("path").asText(), file.get("offset").asLong());
            }
        }
        return offsets;
    }
}
