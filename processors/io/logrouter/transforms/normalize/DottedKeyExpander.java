package io.logrouter.transforms.normalize;

import io.logrouter.event.EventMarkers;
import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;
import java.util.concurrent.atomic.LongAdder;

/**
 * Expands literal dotted keys ({@code {"log.level":"ERROR"}}, as ECS loggers write them) into objects, so that every
 * later processor reads and writes each field in one place and Elasticsearch stores one value. For events a source
 * builds from JSON without a parser ({@code /ingest/json}, {@code _bulk}); {@code JsonParser} does the same to what
 * it parses. When two spellings of a field meet, nothing is lost (the rule is {@link FieldPath#expandDottedKeys}'s)
 * and the event is tagged {@code dotted_key_conflict}.
 */
public class DottedKeyExpander extends EventTransform {

    private final LongAdder conflicts = new LongAdder();

    @Override
    public boolean apply(LogEvent event) {
        if (FieldPath.expandDottedKeys(event.fields())) {
            conflicts.increment();
            EventMarkers.tag(event, FieldPath.DOTTED_KEY_CONFLICT);
        }
        return true;
    }

    public long getConflictCount() {
        return conflicts.sum();
    }
}
