package io.logrouter.transforms.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;
import io.logrouter.transforms.FailureMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What every parser shares: read the text of one field, turn it into fields, and put them on the event; text that is
 * not in the parser's format stays exactly as it was, with the parse-failure marker.
 *
 * <p>On success the raw field is replaced by what was parsed: the payload's own {@code message} (or {@code msg}, as
 * pino, Go's slog and logfmt write it) becomes the event's {@code message}, and when there is none the raw field is
 * removed, so the document does not carry the line twice. {@code keepOriginal} copies the raw text into ECS's
 * {@code event.original} first. Parsed keys may be dotted ({@code http.request.method}); they are nested (keys with an
 * empty part, such as {@code a..b}, are kept as written), and objects are merged into what the event already has, so
 * parsing {@code {"log":{"level":"info"}}} keeps the source's {@code log.file.path}. Parsed {@code tags} (a list or
 * one string) are added to the event's tags rather than replacing the ones a source or an earlier step set.
 */
public abstract class FieldParser extends EventTransform {

    private static final String ORIGINAL = "event.original";
    private static final String MSG = "msg";

    private String field = FieldPath.MESSAGE;
    private String target;
    private boolean keepOriginal;
    private FailureMode failureMode = FailureMode.KEEP;
    private final LongAdder parsed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** The fields found in {@code raw}, keyed by (possibly dotted) field name. */
    protected abstract ObjectNode parse(String raw) throws UnparseableInput;

    @Override
    public final boolean apply(LogEvent event) {
        String raw = event.text(field);
        if (raw == null) {
            return true; // nothing to parse is not a failure: routes apply parsers to mixed streams
        }
        ObjectNode payload;
        try {
            payload = parse(raw);
        } catch (UnparseableInput e) {
            failed.increment();
            failureMode.mark(event, e.getMessage());
            return true;
        }
        parsed.increment();
        if (keepOriginal) {
            event.put(ORIGINAL, raw);
        }
        event.remove(field);
        JsonNode message = payload.remove(FieldPath.MESSAGE);
        if (message == null) {
            message = payload.remove(MSG);
        }
        JsonNode tags = payload.get(FieldPath.TAGS);
        if (tags != null && (tags.isArray() || tags.isTextual())) {
            payload.remove(FieldPath.TAGS); // added to the event's tags, not replacing the ones a source set
        } else {
            tags = null;
        }
        merge(target == null ? event.fields() : objectAt(event.fields(), target), payload);
        if (message != null) {
            event.put(FieldPath.MESSAGE, message);
        }
        if (tags != null) {
            for (JsonNode tag : tags.isArray() ? tags : List.of(tags)) {
                EventMarkers.tag(event, tag.asText());
            }
        }
        return true;
    }

    /** Nests dotted keys and merges objects key by key; a scalar replaces what was there. */
    static void merge(ObjectNode into, ObjectNode from) {
        for (Map.Entry<String, JsonNode> entry : from.properties()) {
            String key = entry.getKey();
            int dot = FieldPath.isPath(key) ? key.lastIndexOf('.') : -1;
            ObjectNode parent = dot < 0 ? into : objectAt(into, key.substring(0, dot));
            String name = dot < 0 ? key : key.substring(dot + 1);
            JsonNode existing = parent.get(name);
            JsonNode value = entry.getValue();
            if (existing instanceof ObjectNode && value instanceof ObjectNode) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else {
                parent.set(name, value);
            }
        }
    }

    private static ObjectNode objectAt(ObjectNode root, String path) {
        JsonNode node = FieldPath.get(root, path);
        if (node instanceof ObjectNode) {
            return (ObjectNode) node;
        }
        ObjectNode created = root.objectNode();
        FieldPath.put(root, path, created);
        return created;
    }

    public String getField() {
        return field;
    }

    /** The field holding the text to parse; {@code message} by default, {@code log} for a Docker json-file line. */
    public void setField(String field) {
        this.field = field;
    }

    public String getTarget() {
        return target;
    }

    /**
     * Where parsed fields go: the event root by default, or the named object field. The payload's message still
     * becomes the root {@code message}: that is the field every dashboard shows.
     */
    public void setTarget(String target) {
        this.target = target == null || target.isBlank() ? null : target;
    }

    public boolean isKeepOriginal() {
        return keepOriginal;
    }

    public void setKeepOriginal(boolean keepOriginal) {
        this.keepOriginal = keepOriginal;
    }

    public String getFailureMode() {
        return failureMode.toString();
    }

    /** {@code keep} (the default) or {@code dead-letter}; see {@link FailureMode}. */
    public void setFailureMode(String failureMode) {
        this.failureMode = FailureMode.of(failureMode);
    }

    public long getParsedCount() {
        return parsed.sum();
    }

    public long getFailedCount() {
        return failed.sum();
    }
}
