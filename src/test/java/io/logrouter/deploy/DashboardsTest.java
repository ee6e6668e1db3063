package io.logrouter.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard, Elasticsearch index template and Kibana saved objects under k8s/dashboards/. */
class DashboardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DASHBOARDS = ProjectFiles.K8S.resolve("dashboards");
    /** A metric name in PromQL: what stands right before a label selector. */
    private static final Pattern METRIC = Pattern.compile("([a-z][a-z0-9_]*)\\{");
    /** How Micrometer's Prometheus registry renders meter names: dots to underscores, a unit or _total suffix. */
    private static final List<String> PROMETHEUS_SUFFIXES = List.of("", "_total", "_seconds_sum", "_seconds_count",
            "_seconds_max");
    /** Built-in logs-*-* template of Elasticsearch (priority 100): it would make the router's indices data streams. */
    private static final int BUILT_IN_LOGS_PRIORITY = 100;

    private final ApplicationDefaults application = new ApplicationDefaults();

    @Test
    void dashboardChartsCamelRouteJvmAndProcessMetrics() throws IOException {
        JsonNode dashboard = json("grafana-log-router.json");
        assertEquals("log-router", dashboard.path("uid").asText());
        Set<String> metrics = new TreeSet<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique");
            JsonNode position = panel.path("gridPos");
            assertTrue(position.path("x").asInt() + position.path("w").asInt() <= 24, panel.path("title").asText());
            if (!"row".equals(panel.path("type").asText())) {
                assertFalse(panel.path("targets").isEmpty(), panel.path("title") + " queries something");
                for (JsonNode target : panel.path("targets")) {
                    assertEquals("${datasource}", target.path("datasource").path("uid").asText());
                    Matcher metric = METRIC.matcher(target.path("expr").asText());
                    assertTrue(metric.find(), "a metric in " + target.path("expr"));
                    do {
                        metrics.add(metric.group(1));
                    } while (metric.find());
                }
            }
        }
        assertTrue(metrics.containsAll(Set.of("camel_exchanges_total", "camel_exchanges_failed_total",
                "camel_route_policy_seconds_sum", "camel_route_policy_seconds_count")), metrics.toString());
        assertTrue(metrics.stream().anyMatch(name -> name.startsWith("jvm_")), metrics.toString());
        assertTrue(metrics.stream().anyMatch(name -> name.startsWith("process_")), metrics.toString());

        Set<String> camelMeters = camelMeterNamesInPrometheus();
        for (String metric : metrics) {
            if (metric.startsWith("camel_")) {
                assertTrue(camelMeters.contains(metric), metric + " is not a meter camel-micrometer registers");
            }
        }
        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variable -> variables.add(variable.path("name").asText()));
        assertEquals(List.of("datasource", "namespace", "pod"), variables);
    }

    @Test
    void indexTemplateMapsTheNormalizedFieldsTheEcsWay() throws IOException {
        JsonNode template = json("elasticsearch-index-template.json");
        JsonNode properties = template.path("template").path("mappings").path("properties");
        Map<String, String> expected = new HashMap<>();
        expected.put("@timestamp", "date");
        expected.put("message", "text");
        expected.put("tags", "keyword");
        expected.put("log.level", "keyword");
        expected.put("log.file.path", "keyword");
        expected.put("log.offset", "long");
        expected.put("service.name", "keyword");
        expected.put("host.name", "keyword");
        expected.put("kubernetes.namespace", "keyword");
        expected.put("kubernetes.pod.name", "keyword");
        expected.put("kubernetes.container.name", "keyword");
        expected.put("error.type", "keyword");
        expected.put("error.message", "text");
        expected.put("event.original", "keyword");
        expected.forEach((field, type) -> assertEquals(type, mapping(properties, field).path("type").asText(), field));
        assertFalse(mapping(properties, "event.original").path("index").asBoolean(true), "event.original is not indexed");
        assertTrue(template.path("priority").asInt() > BUILT_IN_LOGS_PRIORITY);
    }

    @Test
    void indexTemplateCoversEveryIndexTheRouterWritesByDefault() throws IOException {
        List<String> patterns = new ArrayList<>();
        json("elasticsearch-index-template.json").path("index_patterns").forEach(p -> patterns.add(p.asText()));
        for (String key : List.of("logrouter.index.files", "logrouter.index.http", "logrouter.kafka.source.index",
                "logrouter.kinesis.index")) {
            String index = application.defaultOf(key).replaceAll("\\{[^}]*}", "2026.01.31");
            assertTrue(patterns.stream().anyMatch(p -> FileSystems.getDefault().getPathMatcher("glob:" + p)
                    .matches(Path.of(index))), index + " is matched by " + patterns);
        }
    }

    @Test
    void kibanaDataViewShowsTheTemplatesIndicesByTimestamp() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : ProjectFiles.read(DASHBOARDS.resolve("kibana-saved-objects.ndjson")).split("\n")) {
            objects.add(JSON.readTree(line));
        }
        JsonNode dataView = objects.stream().filter(o -> "index-pattern".equals(o.path("type").asText()))
                .findFirst().orElseThrow();
        assertEquals("@timestamp", dataView.path("attributes").path("timeFieldName").asText());
        List<String> patterns = new ArrayList<>();
        json("elasticsearch-index-template.json").path("index_patterns").forEach(p -> patterns.add(p.asText()));
        assertEquals(patterns, Arrays.asList(dataView.path("attributes").path("title").asText().split(",")));

        Set<String> ids = objects.stream().map(o -> o.path("type").asText() + "/" + o.path("id").asText())
                .collect(Collectors.toSet());
        for (JsonNode object : objects) {
            for (JsonNode reference : object.path("references")) {
                assertTrue(ids.contains(reference.path("type").asText() + "/" + reference.path("id").asText()),
                        object.path("id") + " refers to " + reference + ", which is not in the file");
            }
        }
    }

    /** The Prometheus names of the meters camel-micrometer registers, from its own constants. */
    private static Set<String> camelMeterNamesInPrometheus() {
        Set<String> names = new HashSet<>();
        for (Field constant : MicrometerConstants.class.getFields()) {
            if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == String.class) {
                try {
                    String meter = (String) constant.get(null);
                    if (meter.startsWith("camel.")) {
                        PROMETHEUS_SUFFIXES.forEach(suffix -> names.add(meter.replace('.', '_') + suffix));
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    /** The mapping of a dotted field: object properties all the way down. */
    private static JsonNode mapping(JsonNode properties, String field) {
        String[] parts = field.split("\\.");
        JsonNode node = properties.path(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            node = node.path("properties").path(parts[i]);
        }
        return node;
    }

    private static JsonNode json(String file) throws IOException {
        return JSON.readTree(ProjectFiles.read(DASHBOARDS.resolve(file)));
    }
}
