package io.logrouter.sources.tail;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The tail thread's stop request: the only thing that ends it, and what cuts its pauses short. */
final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);

    void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    void pause(long millis) {
        try {
            requested.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // the thread ends on the stop request alone (doStop makes it before any interrupt): a stray interrupt must
            // not end tailing unseen, and left set it would close the next FileChannel the thread reads
        }
    }
}
