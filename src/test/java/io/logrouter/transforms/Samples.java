package io.logrouter.transforms;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/** The shared sample files (../shared/data/samples beside the project root) and small event helpers for tests. */
public final class Samples {

    private static final Path DIR = Path.of("..", "shared", "data", "samples");

    private Samples() {
    }

    /** The lines of the sample whose file name starts with {@code prefix} (kubelet file names carry pod ids). */
    public static List<String> lines(String prefix) {
        try (Stream<Path> files = Files.list(DIR)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no sample " + prefix + "* in " + DIR.toAbsolutePath()));
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The log text of a CRI container log ({@code <time> <stream> <P|F> <text>}), with partial chunks joined to the
     * line they belong to, as the tail source hands them on.
     */
    public static List<String> criTexts(String prefix) {
        List<String> texts = new ArrayList<>();
        StringBuilder partial = new StringBuilder();
        for (String line : lines(prefix)) {
            String[] parts = line.split(" ", 4);
            partial.append(parts[3]);
            if (parts[2].equals("F")) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
        }
        return texts;
    }

    public static LogEvent event(String message) {
        return LogEvent.ofMessage("test-" + message.hashCode(), message);
    }

    /** Runs a transform the way a route does: the whole batch in one exchange body. */
    public static EventBatch process(EventTransform transform, LogEvent... events) {
        EventBatch batch = new EventBatch();
        for (LogEvent event : events) {
            batch.add(event);
        }
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(batch);
        try {
            transform.process(exchange);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return exchange.getMessage().getBody(EventBatch.class);
    }
}
