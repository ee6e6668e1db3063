package io.logrouter.transforms;

import java.util.function.Supplier;

/**
 * A value derived from a transform's options (a compiled pattern, a condition), built when the first event needs
 * it: Camel sets the options one by one, in no guaranteed order, and may bind map entries through a getter without
 * calling any setter, so there is no moment before that at which all of them are known. Setters call
 * {@link #reset()}. Two threads may both build on first use; the results are equal, so the race is harmless.
 */
public final class BuiltOnFirstUse<T> {

    private final Supplier<T> build;
    private volatile T value;

    public BuiltOnFirstUse(Supplier<T> build) {
        this.build = build;
    }

    public T get() {
        T current = value;
        if (current == null) {
            current = build.get();
            value = current;
        }
        return current;
    }

    public void reset() {
        value = null;
    }
}
