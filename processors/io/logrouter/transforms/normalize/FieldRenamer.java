package io.logrouter.transforms.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;
import io.logrouter.transforms.FieldMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves fields to new names, typically onto ECS ({@code logger: log.logger}, {@code time: event.created}). Renames
 * run in the order given; a missing source is skipped, and an existing target is replaced.
 */
public class FieldRenamer extends EventTransform {

    private final Map<String, String> renames = new LinkedHashMap<>();

    @Override
    public boolean apply(LogEvent event) {
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            JsonNode value = event.remove(rename.getKey());
            if (value != null) {
                event.put(rename.getValue(), value);
            }
        }
        return true;
    }

    public String getRenames() {
        return FieldMap.format(renames);
    }

    /** {@code from=to} pairs, comma- or line-separated: {@code logger=log.logger, time=event.created}. */
    public void setRenames(String renames) {
        this.renames.putAll(FieldMap.parse(renames));
    }
}
