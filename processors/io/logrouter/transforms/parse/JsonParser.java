package io.logrouter.transforms.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.FieldPath;

/**
 * Parses a JSON object held as text in a field: an application's structured log line in {@code message}, or the
 * payload of a Docker json-file line's {@code log}.
 *
 * <p>A Docker json-file line ({@code {"log":"...","stream":"stdout","time":"..."}}) is best parsed with
 * {@code target: docker}: merged at the root, its {@code log} string would replace the ECS {@code log} object and
 * with it the source's {@code log.file.path}. The next parser then reads {@code field: docker.log}.
 *
 * <p>Log input is untrusted, so the reader enforces Jackson's stream constraints: nesting deeper than
 * {@code maxNestingDepth} or a string longer than {@code maxStringLength} ends in the parse-failure marker, never in
 * a StackOverflowError or an out-of-memory. One reader is shared by all events (readers are immutable and
 * thread-safe), and text whose first non-blank character is not {@code {} is rejected before Jackson sees it, so
 * plain-text lines in a mixed stream cost no exception inside Jackson.
 *
 * <p>ECS loggers (log4j2's EcsLayout, the ecs-logging libraries, zap's and pino's ECS encoders) write dotted keys
 * flat: {@code {"log.level":"ERROR","log.origin":{"file.line":42}}}. With {@code expandDottedKeys} (on by default)
 * they become objects, at every depth, by {@link FieldPath#expandDottedKeys}'s rule, so the event holds each field
 * in one place; a line in which two spellings of a field met (nothing is lost) is tagged {@code dotted_key_conflict}.
 */
public class JsonParser extends FieldParser {

    private boolean expandDottedKeys = true;
    private int maxNestingDepth = 100;
    private int maxStringLength = 5 * 1024 * 1024;
    private ObjectReader reader = reader(maxNestingDepth, maxStringLength);

    @Override
    protected ObjectNode parse(String raw) throws UnparseableInput {
        if (!startsWithBrace(raw)) {
            throw new UnparseableInput("not a JSON object");
        }
        JsonNode node;
        try {
            node = reader.readTree(raw);
        } catch (JsonProcessingException e) {
            throw new UnparseableInput("invalid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode payload)) {
            throw new UnparseableInput("not a JSON object");
        }
        if (expandDottedKeys && FieldPath.expandDottedKeys(payload)) {
            tag(payload, FieldPath.DOTTED_KEY_CONFLICT);
        }
        return payload;
    }

    /** Adds a tag to the payload's own {@code tags}, which the event's tags are joined with. */
    private static void tag(ObjectNode payload, String tag) {
        JsonNode tags = payload.get(FieldPath.TAGS);
        ArrayNode array = tags instanceof ArrayNode existing ? existing : payload.arrayNode();
        if (tags != null && !(tags instanceof ArrayNode)) {
            array.add(tags);
        }
        payload.set(FieldPath.TAGS, array.add(tag));
    }

    private static boolean startsWithBrace(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static ObjectReader reader(int maxNestingDepth, int maxStringLength) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength(maxStringLength)
                        .build())
                .build();
        // trailing tokens mean the line was not one JSON document ("{..} {..}", "{..} junk"): not ours to guess
        return new ObjectMapper(factory).reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public boolean isExpandDottedKeys() {
        return expandDottedKeys;
    }

    /** Whether dotted keys become objects; on by default. */
    public void setExpandDottedKeys(boolean expandDottedKeys) {
        this.expandDottedKeys = expandDottedKeys;
    }

    public int getMaxNestingDepth() {
        return maxNestingDepth;
    }

    public void setMaxNestingDepth(int maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
        this.reader = reader(maxNestingDepth, maxStringLength);
    }

    public int getMaxStringLength() {
        return maxStringLength;
    }

    /** In characters; 5 Mi by default, well above any log line a sink should index. */
    public void setMaxStringLength(int maxStringLength) {
        this.maxStringLength = maxStringLength;
        this.reader = reader(maxNestingDepth, maxStringLength);
    }
}
