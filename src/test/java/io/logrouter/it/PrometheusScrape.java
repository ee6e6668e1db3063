package io.logrouter.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads one series from the router's own /q/metrics on the management port, as Prometheus would scrape it. */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** The sum of the series {@code name} whose labels include all of {@code labels}; 0 when there is none. */
    public static double value(String name, Map<String, String> labels) {
        return values(name, labels).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The value of each series {@code name} whose labels include all of {@code labels}. */
    public static List<Double> values(String name, Map<String, String> labels) {
        String body = ManagementPort.withToken().when().get("/q/metrics").then().statusCode(200).extract().asString();
        List<Double> values = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith(name + "{") && labels.entrySet().stream()
                    .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return values;
    }
}
