package io.logrouter.sources.tail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The batches sent and not yet checkpointed, in the order they were read, each with the mark its checkpoint moves
 * to once it is delivered. Deliveries may finish in any order; {@link #takeDelivered()} hands out marks only from the
 * front and only up to the first batch still in flight or failed, so a checkpoint never passes an undelivered batch.
 * {@link #completed} is called by the delivery threads; everything else by the reading thread.
 *
 * @param <M> what a batch's checkpoint moves to once it is delivered
 */
final class InFlightBatches<M> {

    /** One batch sent; handed back to {@link #completed} when its delivery finishes. */
    static final class Sent<M> {
        private final M mark;
        /** Null while in flight. */
        private Boolean delivered;

        private Sent(M mark) {
            this.mark = mark;
        }
    }

    private final int capacity;
    private final ArrayDeque<Sent<M>> sent = new ArrayDeque<>();
    private int inFlight;
    private boolean failed;

    InFlightBatches(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** Records a batch about to be sent, after every batch sent before it. */
    synchronized Sent<M> add(M mark) {
        Sent<M> batch = new Sent<>(mark);
        sent.addLast(batch);
        inFlight++;
        return batch;
    }

    /** A delivery finished, successfully or not. */
    synchronized void completed(Sent<M> batch, boolean delivered) {
        if (batch.delivered != null) {
            throw new IllegalStateException("a batch completed twice");
        }
        batch.delivered = delivered;
        inFlight--;
        failed |= !delivered;
        notifyAll();
    }

    /** The marks of the delivered batches at the front, oldest first, no longer kept here. */
    synchronized List<M> takeDelivered() {
        List<M> marks = new ArrayList<>();
        while (!sent.isEmpty() && Boolean.TRUE.equals(sent.peekFirst().delivered)) {
            marks.add(sent.removeFirst().mark);
        }
        return marks;
    }

    /** Whether a delivery failed since the last {@link #forgetAll()}. */
    synchronized boolean hasFailed() {
        return failed;
    }

    /**
     * Whether fewer than the capacity are sent and not yet checkpointed: a slow batch holds back the ones read after it,
     * so that a crash never sends more than the capacity again.
     */
    synchronized boolean hasRoom() {
        return sent.size() < capacity;
    }

    /** Nothing sent is waiting for its checkpoint. */
    synchronized boolean isEmpty() {
        return sent.isEmpty();
    }

    /** Waits until a delivery finishes, or at most the given time. */
    synchronized void awaitCompletion(long millis) throws InterruptedException {
        if (inFlight > 0) {
            wait(millis);
        }
    }

    /** Waits until no delivery is in flight any more. */
    synchronized void awaitNoneInFlight() throws InterruptedException {
        while (inFlight > 0) {
            wait();
        }
    }

    /** Once nothing is in flight: forgets the batches not checkpointed (they are read and sent again) and the failure. */
    synchronized void forgetAll() {
        if (inFlight > 0) {
            throw new IllegalStateException(inFlight + " batches are still in flight");
        }
        sent.clear();
        failed = false;
    }
}
