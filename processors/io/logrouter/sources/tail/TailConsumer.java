package io.logrouter.sources.tail;

import io.logrouter.event.EventBatch;
import io.logrouter.sources.SettledBatch;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the included files on a thread of its own and sends their lines as {@link EventBatch} exchanges, up to
 * maxInFlightBatches at once on a small pool of delivery threads, so that the next batch is read while the earlier
 * ones are delivered. A file's checkpoint only moves to the end of a batch once the sinks settled that batch and every
 * one read before it; when one fails, reading stops until none is in flight, and every file is read
 * again from its checkpoint, after a growing pause, so the same events (with the same ids) are offered again.
 * Nothing is checkpointed before it is delivered.
 */
public class TailConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TailConsumer.class);

    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final TailConfiguration config;
    private final Map<FileIdentity, TailedFile> files = new LinkedHashMap<>();
    /** The registry's content: the checkpoints of the files tailed or still included. */
    private final Map<String, Checkpoint> checkpoints = new LinkedHashMap<>();
    private final AtomicLong eventsDelivered = new AtomicLong();
    /** When the tail last checkpointed a batch or found nothing to read: its age is how stuck delivery is. */
    private volatile long lastProgress;
    private Gauge checkpointAge;
    private final AtomicLong bytesRead = new AtomicLong();
    private volatile int openFiles;
    private CheckpointRegistry registry;
    private FileScanner scanner;
    private ExecutorService executor;
    private ExecutorService deliveries;
    /** Each batch's marks: where every file's checkpoint moves once the batch is delivered. */
    private InFlightBatches<List<ReadMark>> inFlight;
    private CountDownLatch stopRequested;
    private long batchBytes;
    private int firstFile;
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
        return openFiles;
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
        registry = new CheckpointRegistry(Path.of(config.getRegistry()));
        checkpoints.clear();
        checkpoints.putAll(registry.load());
        scanner = new FileScanner(config.getInclude(), config.getExclude());
        stopRequested = new CountDownLatch(1);
        inFlight = new InFlightBatches<>(config.getMaxInFlightBatches());
        String name = ((TailEndpoint) getEndpoint()).getName();
        ExecutorServiceManager threads = getEndpoint().getCamelContext().getExecutorServiceManager();
        deliveries = threads.newFixedThreadPool(this, "tail-delivery:" + name, config.getMaxInFlightBatches());
        executor = threads.newSingleThreadExecutor(this, "tail:" + name);
        executor.execute(this::run);
    }

    @Override
    protected void doStop() throws Exception {
        if (checkpointAge != null) {
            Metrics.globalRegistry.remove(checkpointAge);
        }
        if (executor != null) {
            stopRequested.countDown();
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
            while (!stopping()) {
                try {
                    if (System.nanoTime() - nextScan >= 0) {
                        discover(startup);
                        startup = false;
                        nextScan = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.getScanInterval());
                    }
                    checkpointDelivered();
                    if (inFlight.hasFailed()) {
                        // the batches after the failed one are sent again even if they were delivered: same ids
                        awaitNoneInFlight();
                        checkpointDelivered();
                        readAgainFromCheckpoints();
                        continue;
                    }
                    if (!inFlight.hasRoom()) {
                        awaitCompletion();
                        continue;
                    }
                    EventBatch batch = fillBatch();
                    if (stopping()) {
                        // not delivered, so not checkpointed: the next start reads these lines again
                        break;
                    }
                    if (!batch.isEmpty()) {
                        send(batch);
                    } else if (inFlight.isEmpty()) {
                        checkpoint(marks());
                        pause(config.getPollInterval());
                    } else {
                        awaitCompletion();
                    }
                } catch (IOException | RuntimeException e) {
                    getExceptionHandler().handleException("tail: cannot read or checkpoint; reading again from the last checkpoint", e);
                    awaitNoneInFlight();
                    readAgainFromCheckpoints();
                }
            }
        } finally {
            // the batches in flight finish; those delivered in order are checkpointed, nothing after a failed one
            awaitNoneInFlight();
            try {
                checkpointDelivered();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot checkpoint the last delivered batches; they are read again at the next start: {}", e.toString());
            }
            files.values().forEach(this::closeQuietly);
            files.clear();
            openFiles = 0;
        }
    }

    /** Looks for new, renamed, rotated and deleted files. */
    private void discover(boolean startup) throws IOException {
        Map<FileIdentity, Path> found = scanner.scan();
        if (startup) {
            findRotatedWhileDown(found);
        }
        for (TailedFile file : files.values()) {
            Path path = found.get(file.identity());
            if (path == null) {
                file.orphan();
            } else {
                file.foundAt(path);
            }
        }
        boolean changed = false;
        for (Map.Entry<FileIdentity, Path> entry : found.entrySet()) {
            if (!files.containsKey(entry.getKey())) {
                changed |= open(entry.getKey(), entry.getValue(), startup);
            }
        }
        // forget files neither tailed nor included any more, so the registry does not grow with every rotation
        changed |= checkpoints.keySet().removeIf(key -> {
            FileIdentity identity = new FileIdentity(key);
            return !found.containsKey(identity) && !files.containsKey(identity);
        });
        openFiles = files.size();
        if (changed) {
            registry.save(checkpoints.values());
        }
    }

    /**
     * A file rotated away (renamed out of the include globs) while the agent was down, or killed, may still hold
     * lines that were never delivered: it is looked for beside its last path under a name that starts with it
     * ({@code app.log.1}, the kubelet's {@code 0.log.20261126-101500}), opened at its checkpoint, and, since no scan
     * finds it again, read to its end and released like any file rotated away while running.
     */
    private void findRotatedWhileDown(Map<FileIdentity, Path> found) {
        for (Checkpoint checkpoint : checkpoints.values()) {
            FileIdentity identity = new FileIdentity(checkpoint.identity());
            Path last = Path.of(checkpoint.path());
            if (found.containsKey(identity) || last.getParent() == null || !Files.isDirectory(last.getParent())) {
                continue;
            }
            String name = last.getFileName().toString();
            try (DirectoryStream<Path> siblings = Files.newDirectoryStream(last.getParent(),
                    sibling -> sibling.getFileName().toString().startsWith(name))) {
                for (Path sibling : siblings) {
                    if (identity.equals(FileIdentity.of(sibling))) {
                        found.put(identity, sibling);
                        break;
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot look for the rotated {} beside {}: {}", checkpoint.identity(), last, e.toString());
            }
        }
    }

    /**
     * A new file's checkpoint is saved before any of it is delivered, so that its generation, part of its event
     * ids, survives a crash and a redelivery overwrites.
     */
    private boolean open(FileIdentity identity, Path path, boolean startup) {
        try {
            TailedFile file = TailedFile.open(path, identity, checkpoints.get(identity.key()), startup && !config.isReadFromHead(), config);
            if (file == null) {
                return false; // replaced between the scan and the opening: the next scan finds the new file
            }
            files.put(identity, file);
            Checkpoint checkpoint = file.checkpoint();
            checkpoints.put(identity.key(), checkpoint);
            LOG.info("Tailing {} from offset {}", path, checkpoint.offset());
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot open {}: {}", path, e.toString());
            return false;
        }
    }

    /**
     * Reads until the batch is full (batchSize events or batchMaxBytes read), or no file has more, or batchLinger
     * has passed since the batch got its first event. An empty batch means there is nothing to read right now.
     */
    private EventBatch fillBatch() {
        EventBatch batch = new EventBatch();
        batchBytes = 0;
        readOnce(batch);
        if (batch.isEmpty()) {
            return batch;
        }
        long lingerUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.getBatchLinger());
        while (batch.size() < config.getBatchSize() && batchBytes < config.getBatchMaxBytes() && !stopping()) {
            long left = TimeUnit.NANOSECONDS.toMillis(lingerUntil - System.nanoTime());
            if (left <= 0) {
                break;
            }
            if (!readOnce(batch)) {
                pause(Math.min(config.getPollInterval(), left));
            }
        }
        return batch;
    }

    /** One pass over the files, starting from a different one each time so that a busy file cannot starve the rest. */
    private boolean readOnce(EventBatch batch) {
        List<TailedFile> order = new ArrayList<>(files.values());
        int maxEvents = config.getBatchSize();
        boolean progress = false;
        long now = System.nanoTime();
        for (int i = 0; i < order.size() && batch.size() < maxEvents && batchBytes < config.getBatchMaxBytes(); i++) {
            TailedFile file = order.get((firstFile + i) % order.size());
            if (file.isDrained()) {
                continue;
            }
            try {
                long read = file.read(batch, maxEvents, config.getBatchMaxBytes() - batchBytes);
                batchBytes += read;
                bytesRead.addAndGet(read);
                progress |= read > 0;
                file.flushExpired(batch, maxEvents, now);
                if (read == 0 && file.writerIsGone(now)) {
                    file.drain(batch, maxEvents);
                }
            } catch (IOException e) {
                drop(file, e);
            }
        }
        firstFile = order.isEmpty() ? 0 : (firstFile + 1) % order.size();
        return progress;
    }

    /** Hands the batch to a delivery thread, with every file's mark at its end. */
    private void send(EventBatch batch) {
        InFlightBatches.Sent<List<ReadMark>> sent = inFlight.add(marks());
        try {
            deliveries.execute(() -> {
                boolean delivered = false;
                try {
                    delivered = deliver(batch);
                } finally {
                    inFlight.completed(sent, delivered);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.completed(sent, false);
            throw e;
        }
    }

    private List<ReadMark> marks() {
        return files.values().stream().map(TailedFile::mark).toList();
    }

    /**
     * Sends the batch and waits for its outcome: delivered only when the sinks settled every event
     * ({@link SettledBatch}); an exception, a rollback or an exception the route handled itself means not delivered.
     */
    private boolean deliver(EventBatch batch) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(batch);
            SettledBatch.track(exchange, "tail", batch);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        boolean delivered = SettledBatch.isSettled(exchange);
        releaseExchange(exchange, false);
        if (delivered) {
            eventsDelivered.addAndGet(batch.size());
        } else {
            LOG.warn("Delivery of {} events failed; reading them again from the last checkpoint: {}", batch.size(),
                    failure == null ? "rolled back or not settled" : failure.toString());
        }
        return delivered;
    }

    /** Checkpoints the batches delivered, as far as every batch read before them is delivered too. */
    private void checkpointDelivered() throws IOException {
        List<List<ReadMark>> delivered = inFlight.takeDelivered();
        if (!delivered.isEmpty()) {
            checkpoint(delivered.stream().flatMap(List::stream).toList());
        }
    }

    /**
     * After a delivery: moves the files' checkpoints to their marks, oldest first, releases the files drained by then
     * and saves the registry.
     */
    private void checkpoint(List<ReadMark> marks) throws IOException {
        boolean changed = false;
        for (ReadMark mark : marks) {
            TailedFile file = mark.file();
            // a file released, or dropped and opened again, since the mark was taken is not this one any more
            if (files.get(file.identity()) != file || !file.commit(mark)) {
                continue;
            }
            Checkpoint checkpoint = file.checkpoint();
            if (mark.drained()) {
                LOG.info("Released {}: read to its end after it was rotated away or deleted", file.path());
                closeQuietly(file);
                files.remove(file.identity());
                changed |= checkpoints.remove(checkpoint.identity()) != null;
            } else {
                changed |= !checkpoint.equals(checkpoints.put(checkpoint.identity(), checkpoint));
            }
        }
        openFiles = files.size();
        if (changed) {
            registry.save(checkpoints.values());
        }
        failures = 0;
        lastProgress = System.nanoTime();
    }

    /** After a failure, with nothing in flight: every file goes back to its checkpoint, after a growing pause. */
    private void readAgainFromCheckpoints() {
        inFlight.forgetAll();
        rewind();
        pause(backoffMillis());
    }

    private void rewind() {
        for (TailedFile file : new ArrayList<>(files.values())) {
            try {
                file.rewind();
            } catch (IOException e) {
                drop(file, e);
            }
        }
    }

    /** Closes a file that cannot be read; its checkpoint stays, so the next scan opens it again where it was. */
    private void drop(TailedFile file, IOException e) {
        LOG.warn("Cannot read {}; closing it until the next scan: {}", file.path(), e.toString());
        closeQuietly(file);
        files.remove(file.identity());
        openFiles = files.size();
    }

    private long backoffMillis() {
        failures++;
        return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures - 1, 6));
    }

    private boolean stopping() {
        return stopRequested.getCount() == 0;
    }

    private void awaitCompletion() {
        try {
            inFlight.awaitCompletion(config.getPollInterval());
        } catch (InterruptedException e) {
            // as in pause: only stopRequested ends the thread
        }
    }

    /** Deliveries end within the sinks' retry budgets, so this wait ends too, even on shutdown. */
    private void awaitNoneInFlight() {
        while (true) {
            try {
                inFlight.awaitNoneInFlight();
                return;
            } catch (InterruptedException e) {
                // as in pause: an interrupt must not leave batches in flight behind a rewind
            }
        }
    }

    private void pause(long millis) {
        try {
            stopRequested.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // the thread ends on stopRequested alone (doStop sets it before any interrupt): a stray interrupt must not
            // end tailing unseen, and left set it would close the next FileChannel the thread reads
        }
    }

    private void closeQuietly(TailedFile file) {
        try {
            file.close();
        } catch (IOException e) {
            LOG.debug("Closing {} failed", file.path(), e);
        }
    }
}
