package io.logrouter.chaos;

import java.time.Duration;

/**
 * How hard the cases push: the short version runs in CI on every change, the full one ({@code -Dchaos.full=true},
 * {@code chaos/run}) with the sizes and fault durations the issue names (a 60 s Elasticsearch outage, say).
 */
public final class ChaosScale {

    private static final boolean FULL = Boolean.getBoolean("chaos.full");

    private ChaosScale() {
    }

    public static boolean full() {
        return FULL;
    }

    public static String name() {
        return FULL ? "full" : "short";
    }

    public static int events(int shortRun, int fullRun) {
        return FULL ? fullRun : shortRun;
    }

    public static Duration duration(Duration shortRun, Duration fullRun) {
        return FULL ? fullRun : shortRun;
    }
}
