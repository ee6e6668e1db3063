package io.logrouter.transforms.filter;

import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;
import io.logrouter.transforms.FieldList;
import io.logrouter.transforms.FieldMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps a share of the events: {@code rate: 0.1} or {@code oneIn: 10}. With {@code key} (fields such as
 * {@code service.name,log.level}) each key can have its own rate in {@code rates}, keyed by the field values joined
 * with {@code /}: {@code key: log.level}, {@code rates: debug=0.1} keeps 10% of debug lines and everything else.
 *
 * <p>The decision is a hash of the event id, not a random draw, so a redelivered batch keeps exactly the events it
 * kept the first time and the index holds no half-sampled duplicates. Events without an id are decided by their
 * message, and kept when they have neither. Dropped events are counted in total and per key.
 */
public class Sampler extends EventTransform {

    private static final String KEY_SEPARATOR = "/";
    private static final String MISSING = "-";
    private static final String OTHER_KEYS = "(other)";
    // per-key counters for a high-cardinality key would grow without bound
    private static final int MAX_COUNTED_KEYS = 1000;

    private double rate = 1.0;
    private List<String> key = List.of();
    private final Map<String, Double> rates = new HashMap<>();
    private final LongAdder kept = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Map<String, LongAdder> droppedByKey = new ConcurrentHashMap<>();

    @Override
    public boolean apply(LogEvent event) {
        String sampleKey = key.isEmpty() ? null : keyOf(event);
        double keepRate = sampleKey == null ? rate : rates.getOrDefault(sampleKey, rate);
        if (keepRate >= 1.0 || position(event) < keepRate) {
            kept.increment();
            return true;
        }
        dropped.increment();
        if (sampleKey != null) {
            String counted = droppedByKey.size() < MAX_COUNTED_KEYS || droppedByKey.containsKey(sampleKey)
                    ? sampleKey : OTHER_KEYS;
            droppedByKey.computeIfAbsent(counted, k -> new LongAdder()).increment();
        }
        return false;
    }

    private String keyOf(LogEvent event) {
        List<String> values = new ArrayList<>(key.size());
        for (String field : key) {
            String value = event.text(field);
            values.add(value == null ? MISSING : value);
        }
        return String.join(KEY_SEPARATOR, values);
    }

    /** Where the event falls in [0, 1), uniformly and the same on every delivery. */
    static double position(LogEvent event) {
        String identity = event.id() != null ? event.id() : event.text(FieldPath.MESSAGE);
        if (identity == null) {
            return 0.0;
        }
        long hash = 0xcbf29ce484222325L; // FNV-1a, then SplitMix64's finaliser to spread short ids
        for (int i = 0; i < identity.length(); i++) {
            hash = (hash ^ identity.charAt(i)) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 30)) * 0xbf58476d1ce4e5b9L;
        hash = (hash ^ (hash >>> 27)) * 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return (hash >>> 11) * 0x1.0p-53;
    }

    public double getRate() {
        return rate;
    }

    /** The share to keep, 0 to 1 (default 1: keep all); for keys without their own entry in {@code rates}. */
    public void setRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1, not " + rate);
        }
        this.rate = rate;
    }

    /** Keep one event in {@code n}: the same as {@code rate: 1/n}. */
    public void setOneIn(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("oneIn must be at least 1, not " + n);
        }
        setRate(1.0 / n);
    }

    public String getKey() {
        return String.join(",", key);
    }

    /** Comma-separated fields whose values, joined with {@code /}, select a rate from {@code rates}. */
    public void setKey(String key) {
        this.key = FieldList.parse(key);
    }

    public String getRates() {
        return FieldMap.format(rates);
    }

    /** {@code key=rate} pairs, comma- or line-separated: {@code debug=0.1, checkout/info=0.5}. */
    public void setRates(String rates) {
        FieldMap.parse(rates).forEach((k, v) -> {
            double value = Double.parseDouble(v);
            if (value < 0 || value > 1) {
                throw new IllegalArgumentException("rate for " + k + " must be between 0 and 1, not " + v);
            }
            this.rates.put(k, value);
        });
    }

    public long getKeptCount() {
        return kept.sum();
    }

    public long getDroppedCount() {
        return dropped.sum();
    }

    /** Dropped events per key value, sorted; keys beyond the first thousand are counted as "(other)". */
    public Map<String, Long> getDroppedByKey() {
        Map<String, Long> snapshot = new TreeMap<>();
        droppedByKey.forEach((k, count) -> snapshot.put(k, count.sum()));
        return snapshot;
    }
}
