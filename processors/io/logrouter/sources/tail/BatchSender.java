package io.logrouter.sources.tail;

import io.logrouter.event.EventBatch;
import io.logrouter.sources.SettledBatch;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills batches from the tailed files and delivers them on the delivery threads, up to maxInFlightBatches at once, so
 * that the next batch is read while the earlier ones are delivered. Each batch in flight carries every file's mark at
 * its end; the tail thread takes back the marks of the batches settled in order and checkpoints them.
 */
final class BatchSender {

    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

    private final TailConfiguration config;
    private final TailedFiles files;
    private final Consumer consumer;
    private final ExecutorService deliveries;
    private final StopSignal stop;
    /** Each batch's marks: where every file's checkpoint moves once the batch is delivered. */
    private final InFlightBatches<List<ReadMark>> inFlight;
    private final AtomicLong eventsDelivered;
    private final AtomicLong bytesRead;
    private int firstFile;

    /** The counters outlive this sender: they count over every start of the consumer. */
    BatchSender(TailConfiguration config, TailedFiles files, Consumer consumer, ExecutorService deliveries,
            StopSignal stop, AtomicLong eventsDelivered, AtomicLong bytesRead) {
        this.config = config;
        this.files = files;
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.stop = stop;
        this.inFlight = new InFlightBatches<>(config.getMaxInFlightBatches());
        this.eventsDelivered = eventsDelivered;
        this.bytesRead = bytesRead;
    }

    /**
     * Reads until the batch is full (batchSize events or batchMaxBytes read), or no file has more, or batchLinger
     * has passed since the batch got its first event. An empty batch means there is nothing to read right now.
     */
    EventBatch fillBatch() {
        EventBatch batch = new EventBatch();
        long batchBytes = readOnce(batch, config.getBatchMaxBytes());
        if (batch.isEmpty()) {
            return batch;
        }
        long lingerUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.getBatchLinger());
        while (batch.size() < config.getBatchSize() && batchBytes < config.getBatchMaxBytes() && !stop.isRequested()) {
            long left = TimeUnit.NANOSECONDS.toMillis(lingerUntil - System.nanoTime());
            if (left <= 0) {
                break;
            }
            long read = readOnce(batch, config.getBatchMaxBytes() - batchBytes);
            batchBytes += read;
            if (read == 0) {
                stop.pause(Math.min(config.getPollInterval(), left));
            }
        }
        return batch;
    }

    /**
     * One pass over the files, reading at most byteBudget bytes, starting from a different file each time so that a
     * busy file cannot starve the rest. Returns the bytes read.
     */
    private long readOnce(EventBatch batch, long byteBudget) {
        List<TailedFile> order = files.all();
        int maxEvents = config.getBatchSize();
        long readBytes = 0;
        long now = System.nanoTime();
        for (int i = 0; i < order.size() && batch.size() < maxEvents && readBytes < byteBudget; i++) {
            TailedFile file = order.get((firstFile + i) % order.size());
            if (file.isDrained()) {
                continue;
            }
            try {
                long read = file.read(batch, maxEvents, byteBudget - readBytes);
                readBytes += read;
                bytesRead.addAndGet(read);
                file.flushExpired(batch, maxEvents, now);
                if (read == 0 && file.writerIsGone(now)) {
                    file.drain(batch, maxEvents);
                }
            } catch (IOException e) {
                files.drop(file, e);
            }
        }
        firstFile = order.isEmpty() ? 0 : (firstFile + 1) % order.size();
        return readBytes;
    }

    /** Hands the batch to a delivery thread, with every file's mark at its end. */
    void send(EventBatch batch) {
        InFlightBatches.Sent<List<ReadMark>> sent = inFlight.add(files.marks());
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

    /**
     * Sends the batch and waits for its outcome: delivered only when the sinks settled every event
     * ({@link SettledBatch}); an exception, a rollback or an exception the route handled itself means not delivered.
     */
    private boolean deliver(EventBatch batch) {
        Exchange exchange = consumer.createExchange(false);
        try {
            exchange.getMessage().setBody(batch);
            SettledBatch.track(exchange, "tail", batch);
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        boolean delivered = SettledBatch.isSettled(exchange);
        consumer.releaseExchange(exchange, false);
        if (delivered) {
            eventsDelivered.addAndGet(batch.size());
        } else {
            LOG.warn("Delivery of {} events failed; reading them again from the last checkpoint: {}", batch.size(),
                    failure == null ? "rolled back or not settled" : failure.toString());
        }
        return delivered;
    }

    /** The marks of the batches delivered, as far as every batch sent before them is delivered too, oldest first. */
    List<List<ReadMark>> takeDelivered() {
        return inFlight.takeDelivered();
    }

    boolean hasFailed() {
        return inFlight.hasFailed();
    }

    boolean hasRoom() {
        return inFlight.hasRoom();
    }

    boolean noneInFlight() {
        return inFlight.isEmpty();
    }

    /** After a failure, with nothing in flight: the batches after the failed one are read and sent again. */
    void forgetAll() {
        inFlight.forgetAll();
    }

    void awaitCompletion() {
        try {
            inFlight.awaitCompletion(config.getPollInterval());
        } catch (InterruptedException e) {
            // as in StopSignal.pause: only the stop request ends the thread
        }
    }

    /** Deliveries end within the sinks' retry budgets, so this wait ends too, even on shutdown. */
    void awaitNoneInFlight() {
        while (true) {
            try {
                inFlight.awaitNoneInFlight();
                return;
            } catch (InterruptedException e) {
                // as in StopSignal.pause: an interrupt must not leave batches in flight behind a rewind
            }
        }
    }
}
