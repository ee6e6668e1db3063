package io.logrouter.transforms.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.BuiltOnFirstUse;
import io.logrouter.transforms.DeadlineCharSequence;
import io.logrouter.transforms.EventTransform;
import io.logrouter.transforms.FieldList;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masks personal data and credentials before events leave the cluster: e-mail addresses, payment card numbers
 * (Luhn-checked), bearer tokens and Authorization values, AWS access key ids and secret keys, plus the route's own
 * {@code patterns}.
 *
 * <p>By default every string in the event is scanned, at any depth up to 128 levels (beyond what JsonParser lets
 * through, so parsed events are always covered whole): secrets turn up in fields nobody predicted, and a miss costs
 * more than the CPU. {@code fields} narrows the scan to the listed paths (and everything under them).
 *
 * <p>{@code mode: mask} writes {@code [REDACTED:email]}; {@code mode: hash} writes
 * {@code [REDACTED:email:<12 hex>]}, an HMAC-SHA256 prefix under {@code hashKey}, so equal values can still be
 * correlated across events. The hash is keyed because card numbers and e-mail addresses are few enough to
 * enumerate: a plain SHA-256 could be reversed by brute force. A match that runs past {@code timeoutMillis} (only a
 * route-defined pattern can be that slow) masks the whole value: redaction fails closed.
 */
public class Redactor extends EventTransform {

    private enum Mode { MASK, HASH }

    private static final int MAX_DEPTH = 128;
    private static final int HASH_HEX_CHARS = 12;

    private List<String> fields;
    private List<Detector> builtIns = BuiltInDetectors.ALL;
    private final Map<String, String> patterns = new LinkedHashMap<>();
    private final BuiltOnFirstUse<List<Detector>> detectors = new BuiltOnFirstUse<>(this::allDetectors);
    private Mode mode = Mode.MASK;
    private ThreadLocal<Mac> hmac;
    private long timeoutMillis = 100;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public boolean apply(LogEvent event) {
        if (mode == Mode.HASH && hmac == null) {
            throw new IllegalStateException("Redactor mode hash needs a hashKey");
        }
        if (fields == null) {
            redactWithin(event.fields(), 0);
            return true;
        }
        for (String field : fields) {
            JsonNode value = event.get(field);
            if (value != null && value.isTextual()) {
                String redacted = redact(value.textValue());
                if (redacted != null) {
                    event.put(field, redacted);
                }
            } else if (value != null && value.isContainerNode()) {
                redactWithin(value, 0);
            }
        }
        return true;
    }

    private void redactWithin(JsonNode container, int depth) {
        if (depth >= MAX_DEPTH) {
            return;
        }
        if (container instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode replacement = redactedOrNull(field.getValue(), depth);
                if (replacement != null) {
                    field.setValue(replacement);
                }
            }
        } else if (container instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode replacement = redactedOrNull(array.get(i), depth);
                if (replacement != null) {
                    array.set(i, replacement);
                }
            }
        }
    }

    private JsonNode redactedOrNull(JsonNode value, int depth) {
        if (value.isTextual()) {
            String redacted = redact(value.textValue());
            return redacted == null ? null : JsonNodeFactory.instance.textNode(redacted);
        }
        redactWithin(value, depth + 1);
        return null;
    }

    /** The text with every detected value replaced, or null when nothing was found (the common case: no copy). */
    private String redact(String text) {
        String current = text;
        boolean changed = false;
        for (Detector detector : detectors.get()) {
            String redacted = redact(current, detector);
            if (redacted != null) {
                current = redacted;
                changed = true;
            }
        }
        return changed ? current : null;
    }

    private String redact(String text, Detector detector) {
        if (!detector.mayContain(text)) {
            return null;
        }
        Matcher m = detector.pattern().matcher(DeadlineCharSequence.withBudget(text, timeoutMillis));
        StringBuilder out = null;
        int copied = 0;
        try {
            while (m.find()) {
                int start = detector.start(m);
                int end = detector.end(m);
                String candidate = text.substring(start, end);
                if (!detector.confirms(candidate)) {
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, start).append(replacement(detector.name(), candidate));
                copied = end;
                counts.get(detector.name()).increment();
            }
        } catch (DeadlineCharSequence.Expired e) {
            counts.get(detector.name()).increment();
            return masked(detector.name(), "");
        }
        return out == null ? null : out.append(text, copied, text.length()).toString();
    }

    private String replacement(String detector, String value) {
        if (mode == Mode.MASK) {
            return masked(detector, "");
        }
        byte[] digest = hmac.get().doFinal(value.getBytes(StandardCharsets.UTF_8));
        return masked(detector, ":" + HexFormat.of().formatHex(digest, 0, HASH_HEX_CHARS / 2));
    }

    private static String masked(String detector, String suffix) {
        return "[REDACTED:" + detector + suffix + "]";
    }

    private List<Detector> allDetectors() {
        List<Detector> all = new ArrayList<>(builtIns);
        patterns.forEach((name, regex) -> all.add(Detector.of(name, regex)));
        all.forEach(detector -> counts.computeIfAbsent(detector.name(), name -> new LongAdder()));
        return List.copyOf(all);
    }

    public String getFields() {
        return fields == null ? null : String.join(",", fields);
    }

    /** Comma-separated paths to scan; unset (the default) scans every string in the event. */
    public void setFields(String fields) {
        this.fields = FieldList.parse(fields);
    }

    public String getDetectors() {
        return String.join(",", builtIns.stream().map(Detector::name).toList());
    }

    /**
     * Which built-in detectors run (comma-separated; all by default): email, card, bearer, authorization,
     * aws_access_key_id, aws_secret_access_key.
     */
    public void setDetectors(String names) {
        List<Detector> chosen = new ArrayList<>();
        for (String name : FieldList.parse(names)) {
            chosen.add(BuiltInDetectors.ALL.stream().filter(d -> d.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no built-in detector " + name)));
        }
        builtIns = List.copyOf(chosen);
        detectors.reset();
    }

    /** The live map: Camel binds a YAML map option entry by entry through it. */
    public Map<String, String> getPatterns() {
        return patterns;
    }

    /** Route-defined detectors, name to regex; a group named {@code secret} limits the replacement to it. */
    public void setPatterns(Map<String, String> patterns) {
        patterns.values().forEach(Pattern::compile); // a bad regex fails at route start-up
        this.patterns.putAll(patterns);
        detectors.reset();
    }

    public String getMode() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    /** {@code mask} (default) or {@code hash}. */
    public void setMode(String mode) {
        this.mode = Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
    }

    /** The HMAC key for {@code mode: hash}; keep it in a secret, e.g. {@code {{env:REDACT_HASH_KEY}}}. */
    public void setHashKey(String hashKey) {
        SecretKeySpec key = new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.hmac = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public long getTimeoutMillis() {
        return timeoutMillis;
    }

    /** Per value and detector, plus 1 µs per character of the value; 100 ms by default. */
    public void setTimeoutMillis(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** Values redacted per detector since start. */
    public Map<String, Long> getCounts() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        detectors.get().forEach(detector -> snapshot.put(detector.name(), counts.get(detector.name()).sum()));
        return snapshot;
    }
}
