package io.logrouter.transforms.normalize;

import io.logrouter.event.LogEvent;
import io.logrouter.transforms.EventTransform;
import io.logrouter.transforms.FieldList;
import java.util.List;

/** Removes fields nobody queries (a shipper's {@code agent.*}, a parsed line's leftovers) to save index space. */
public class FieldRemover extends EventTransform {

    private List<String> fields = List.of();

    @Override
    public boolean apply(LogEvent event) {
        for (String field : fields) {
            event.remove(field);
        }
        return true;
    }

    public String getFields() {
        return String.join(",", fields);
    }

    /** Comma-separated paths; removing an object path removes everything under it. */
    public void setFields(String fields) {
        this.fields = FieldList.parse(fields);
    }
}
