package io.logrouter.sinks.file;

import com.fasterxml.jackson.core.JsonGenerator;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.sinks.NdjsonLine;
import io.logrouter.sinks.SinkMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Appends the batch in the body to the endpoint's file as NDJSON in one write, forced to disk when {@code sync}, and
 * only then lets the exchange complete. Batches are written whole and one at a time, so lines of concurrent batches
 * never interleave; a batch delivered again after a failure is appended again (readers de-duplicate by id).
 */
public class NdjsonFileProducer extends DefaultProducer {

    private static final String STAGE = "file";
    /** A bound on the per-line estimate, so that one batch of huge lines does not size every later buffer. */
    private static final int MAX_LINE_ESTIMATE = 4096;

    private final Path file;
    private final boolean sync;
    private final String idField;
    private final SinkMetrics metrics;
    private FileChannel channel;
    /** The average line of the last batch: a batch's buffer is then allocated once instead of doubling its way up. */
    private volatile int lineEstimate = 256;

    public NdjsonFileProducer(NdjsonFileEndpoint endpoint) {
        super(endpoint);
        this.file = endpoint.getFile();
        this.sync = endpoint.isSync();
        this.idField = endpoint.getIdField() == null || endpoint.getIdField().isBlank() ? null : endpoint.getIdField();
        this.metrics = new SinkMetrics(STAGE, file.toString());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    @Override
    protected void doStop() throws Exception {
        if (channel != null) {
            channel.close();
            channel = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        EventBatch batch = exchange.getMessage().getMandatoryBody(EventBatch.class);
        if (batch.isEmpty()) {
            return;
        }
        ByteBuffer lines = lines(batch);
        int size = lines.remaining();
        long start = System.nanoTime();
        synchronized (this) {
            while (lines.hasRemaining()) {
                channel.write(lines);
            }
            if (sync) {
                channel.force(false);
            }
        }
        metrics.request(batch.size(), size, System.nanoTime() - start);
        batch.settle(batch);
        metrics.written(batch.size());
        metrics.acknowledged(batch);
    }

    private ByteBuffer lines(EventBatch batch) throws IOException {
        LineBuffer bytes = new LineBuffer(batch.size() * (lineEstimate + lineEstimate / 8));
        try (JsonGenerator json = NdjsonLine.generator(bytes)) {
            for (LogEvent event : batch) {
                NdjsonLine.write(json, event, idField);
            }
        }
        lineEstimate = Math.min(MAX_LINE_ESTIMATE, bytes.size() / batch.size() + 1);
        return bytes.written();
    }

    /** Hands out what was written without the copy {@code toByteArray} makes. */
    private static final class LineBuffer extends ByteArrayOutputStream {

        LineBuffer(int size) {
            super(size);
        }

        ByteBuffer written() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }
}
