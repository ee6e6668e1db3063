package io.logrouter.transforms;

import java.util.Arrays;
import java.util.List;

/** Field lists as route authors write them in YAML: {@code time, ts, @timestamp}. */
public final class FieldList {

    private FieldList() {
    }

    public static List<String> parse(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
    }
}
