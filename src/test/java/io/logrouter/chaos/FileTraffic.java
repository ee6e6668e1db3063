package io.logrouter.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application writing JSON lines numbered {@code 0..events-1} to a log file at a steady rate, whatever happens to
 * the router meanwhile: faults land mid-stream by construction.
 */
public final class FileTraffic implements AutoCloseable {

    private static final int TICKS_PER_SECOND = 20;

    private final Path file;
    private final int events;
    private final AtomicInteger written = new AtomicInteger();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

    public FileTraffic(Path file, int events, int perSecond) {
        this.file = file;
        this.events = events;
        int perTick = Math.max(1, perSecond / TICKS_PER_SECOND);
        writer.scheduleAtFixedRate(() -> write(perTick), 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
    }

    public int written() {
        return written.get();
    }

    public boolean done() {
        return written.get() == events;
    }

    private void write(int count) {
        int from = written.get();
        int to = Math.min(events, from + count);
        StringBuilder lines = new StringBuilder();
        for (int seq = from; seq < to; seq++) {
            lines.append(SeqEvents.json(seq)).append('\n');
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.set(to);
        if (to == events) {
            writer.shutdown();
        }
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdownNow();
        writer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
