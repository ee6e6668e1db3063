package io.logrouter.transforms.normalize;

import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;
import io.logrouter.transforms.FieldMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sets fixed values the route knows and the log line does not, such as {@code event.dataset}, {@code service.name}
 * or {@code cloud.region}. With {@code overwrite: false} a value only fills a field the event does not have, so an
 * application's own {@code service.name} wins over the route's default.
 */
public class StaticFields extends EventTransform {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private boolean overwrite = true;

    @Override
    public boolean apply(LogEvent event) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (overwrite || event.get(field.getKey()) == null) {
                event.put(field.getKey(), field.getValue());
            }
        }
        return true;
    }

    public String getFields() {
        return FieldMap.format(fields);
    }

    /** {@code path=value} pairs, comma- or line-separated: {@code event.dataset=nginx.access, cloud.region=eu-west-1}. */
    public void setFields(String fields) {
        this.fields.putAll(FieldMap.parse(fields));
    }

    public boolean isOverwrite() {
        return overwrite;
    }

    public void setOverwrite(boolean overwrite) {
        this.overwrite = overwrite;
    }
}
