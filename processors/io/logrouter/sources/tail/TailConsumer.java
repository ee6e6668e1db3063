package io.logrouter.sources.tail;

import io.logrouter.event.EventBatch;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the included files ({@link TailedFiles}) on a thread of its own and sends their lines as {@link EventBatch}
 * exchanges ({@link BatchSender}). A file's checkpoint only moves to the end of a batch once the sinks settled that
 * batch and every one read before it; when one fails, reading stops until none is in flight, and every file is read
 * again from its checkpoint, after a growing pause, so the same events (with the same ids) are offered again.
 * Nothing is checkpointed before it is delivered.
 */
public class TailConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TailConsumer.class);

    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final TailConfiguration config;
    private final AtomicLong eventsDelivered = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    /** When the tail last checkpointed a batch or found nothing to read: its age is how stuck delivery is. */
    private volatile long lastProgress;
    private Gauge checkpointAge;
    private volatile TailedFiles files;
    private BatchSender sender;
    private ExecutorService executor;
    private ExecutorService deliveries;
    private StopSignal stop;
    private int failures;

    public TailConsumer(TailEndpoint endpoint, Processor processor, TailConfiguration config) {
        super(endpoint, processor);
        this.config = config;
    }

    /** Events in batches the sinks settled. */
    public long getEventsDelivered() {
        return eventsDelivered.get();
    }

    /** Bytes read from files, including those read again after a failed delivery. */
    public long getBytesRead() {
        return bytesRead.get();
    }

    public int getOpenFiles() {
        TailedFiles tailed = files;
        return tailed == null ? 0 : tailed.openFiles();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        lastProgress = System.nanoTime();
        checkpointAge = Gauge.builder("logrouter.source.checkpoint.age", this,
                        consumer -> (System.nanoTime() - consumer.lastProgress) / 1e9)
                .description("Seconds since the tail last checkpointed a batch or had nothing left to read")
                .baseUnit("seconds").tags("source", "tail", "route", String.valueOf(getRouteId()))
                .register(Metrics.globalRegistry);
        files = TailedFiles.load(config);
        stop = new StopSignal();
        String name = ((TailEndpoint) getEndpoint()).getName();
        ExecutorServiceManager threads = getEndpoint().getCamelContext().getExecutorServiceManager();
        deliveries = threads.newFixedThreadPool(this, "tail-delivery:" + name, config.getMaxInFlightBatches());
        sender = new BatchSender(config, files, this, deliveries, stop, eventsDelivered, bytesRead);
        executor = threads.newSingleThreadExecutor(this, "tail:" + name);
        executor.execute(this::run);
    }

    @Override
    protected void doStop() throws Exception {
        if (checkpointAge != null) {
            Metrics.globalRegistry.remove(checkpointAge);
        }
        if (executor != null) {
            stop.request();
            // waits for the batches in flight: the thread checkpoints them and closes every file on its way out
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(executor);
            executor = null;
        }
        if (deliveries != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(deliveries);
            deliveries = null;
        }
        super.doStop();
    }

    private void run() {
        long nextScan = System.nanoTime();
        boolean startup = true;
        try {
            while (!stop.isRequested()) {
                try {
                    if (System.nanoTime() - nextScan >= 0) {
                        files.discover(startup);
                        startup = false;
                        nextScan = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.getScanInterval());
                    }
                    checkpointDelivered();
                    if (sender.hasFailed()) {
                        // the batches after the failed one are sent again even if they were delivered: same ids
                        sender.awaitNoneInFlight();
                        checkpointDelivered();
                        readAgainFromCheckpoints();
                        continue;
                    }
                    if (!sender.hasRoom()) {
                        sender.awaitCompletion();
                        continue;
                    }
                    EventBatch batch = sender.fillBatch();
                    if (stop.isRequested()) {
                        // not delivered, so not checkpointed: the next start reads these lines again
                        break;
                    }
                    if (!batch.isEmpty()) {
                        sender.send(batch);
                    } else if (sender.noneInFlight()) {
                        checkpoint(files.marks());
                        stop.pause(config.getPollInterval());
                    } else {
                        sender.awaitCompletion();
                    }
                } catch (IOException | RuntimeException e) {
                    getExceptionHandler().handleException("tail: cannot read or checkpoint; reading again from the last checkpoint", e);
                    sender.awaitNoneInFlight();
                    readAgainFromCheckpoints();
                }
            }
        } finally {
            // the batches in flight finish; those delivered in order are checkpointed, nothing after a failed one
            sender.awaitNoneInFlight();
            try {
                checkpointDelivered();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot checkpoint the last delivered batches; they are read again at the next start: {}", e.toString());
            }
            files.closeAll();
        }
    }

    /** Checkpoints the batches delivered, as far as every batch read before them is delivered too. */
    private void checkpointDelivered() throws IOException {
        List<List<ReadMark>> delivered = sender.takeDelivered();
        if (!delivered.isEmpty()) {
            checkpoint(delivered.stream().flatMap(List::stream).toList());
        }
    }

    private void checkpoint(List<ReadMark> marks) throws IOException {
        files.checkpoint(marks);
        failures = 0;
        lastProgress = System.nanoTime();
    }

    /** After a failure, with nothing in flight: every file goes back to its checkpoint, after a growing pause. */
    private void readAgainFromCheckpoints() {
        sender.forgetAll();
        files.rewind();
        stop.pause(backoffMillis());
    }

    private long backoffMillis() {
        failures++;
        return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures - 1, 6));
    }
}
