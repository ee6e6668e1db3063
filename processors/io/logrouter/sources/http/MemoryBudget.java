package io.logrouter.sources.http;

import java.util.concurrent.Semaphore;

/**
 * A number of bytes shared by the requests whose bodies are held in memory, counted in KiB. Each request holds a
 * {@link Lease} that grows with what it holds and gives everything back once, when the request is done.
 */
final class MemoryBudget {

    private static final int KIB = 1024;

    private final long bytes;
    private final Semaphore kibibytes;

    MemoryBudget(long bytes) {
        this.bytes = bytes;
        this.kibibytes = new Semaphore(kibibytes(bytes));
    }

    long bytes() {
        return bytes;
    }

    /** Free right now, in KiB. */
    int availableKibibytes() {
        return kibibytes.availablePermits();
    }

    Lease lease() {
        return new Lease();
    }

    private static int kibibytes(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, (bytes + KIB - 1) / KIB);
    }

    /** What one request holds. Not thread-safe: a request's body arrives on one event loop. */
    final class Lease {

        private int held;
        private boolean released;

        private Lease() {
        }

        /** Holds at least {@code total} bytes, taking what is missing; false, holding nothing more, if it is not free. */
        boolean growTo(long total) {
            int wanted = kibibytes(total) - held;
            if (wanted <= 0) {
                return true;
            }
            if (released || !kibibytes.tryAcquire(wanted)) {
                return false;
            }
            held += wanted;
            return true;
        }

        /** Gives back everything held; later calls and growth do nothing. */
        void release() {
            if (!released) {
                released = true;
                kibibytes.release(held);
                held = 0;
            }
        }
    }
}
