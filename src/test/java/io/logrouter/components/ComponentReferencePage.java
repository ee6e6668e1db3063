package io.logrouter.components;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Renders {@code docs/components.md}, the option reference a human reads, from the JSON that Camel's
 * camel-package-maven-plugin generates for each component: the JSON is the single source, so the page says what the
 * build found in the annotations, not what someone remembered to copy.
 */
final class ComponentReferencePage {

    static final String PATH = "docs/components.md";

    private ComponentReferencePage() {
    }

    /** @param metadata each component's generated JSON, sources before sinks, in the order they appear on the page */
    static String render(List<JsonNode> metadata) {
        StringBuilder page = new StringBuilder();
        page.append("# Component reference\n\n");
        page.append("<!-- Generated from the components' Camel metadata (src/generated/resources/META-INF/io/logrouter/**/*.json,\n");
        page.append("     written by camel-package-maven-plugin from the @UriEndpoint/@UriParam/@Metadata annotations).\n");
        page.append("     Do not edit: ComponentReferenceTest rewrites this page when it is stale. -->\n\n");
        page.append("The router's own Camel components. Options marked **secret** are credentials: Camel masks them in logs,\n");
        page.append("and they belong in configuration (`camel.component.<name>.<option>`, environment variables), not in a\n");
        page.append("routes file.\n\n");
        for (JsonNode component : metadata) {
            String name = component.path("component").path("name").asText();
            page.append("- [`").append(name).append(":`](#").append(name).append(") ")
                    .append(component.path("component").path("title").asText()).append(", ")
                    .append(direction(component.path("component"))).append('\n');
        }
        for (JsonNode component : metadata) {
            section(page, component);
        }
        return page.toString();
    }

    private static void section(StringBuilder page, JsonNode component) {
        JsonNode model = component.path("component");
        String name = model.path("name").asText();
        page.append("\n## ").append(name).append("\n\n");
        page.append(model.path("description").asText()).append("\n\n");
        page.append("`").append(model.path("syntax").asText()).append("` · ").append(direction(model)).append(" · `")
                .append(model.path("javaType").asText()).append("`\n\n");
        page.append("### Component options\n\n");
        page.append("Set once for every endpoint, as `camel.component.").append(name).append(".<option>`.\n\n");
        table(page, component.path("componentProperties"));
        page.append("\n### Endpoint options\n\n");
        page.append("The path and query parameters of `").append(model.path("syntax").asText()).append("?<option>=<value>`.\n\n");
        table(page, component.path("properties"));
    }

    private static String direction(JsonNode model) {
        if (model.path("consumerOnly").asBoolean()) {
            return "source (consumer only)";
        }
        return model.path("producerOnly").asBoolean() ? "sink (producer only)" : "source and sink";
    }

    private static void table(StringBuilder page, JsonNode options) {
        page.append("| option | group | type | default | description |\n");
        page.append("| --- | --- | --- | --- | --- |\n");
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            JsonNode o = option.getValue();
            page.append("| `").append(option.getKey()).append("` | ").append(o.path("group").asText()).append(" | ")
                    .append(o.path("type").asText()).append(" | ").append(defaultValue(o)).append(" | ")
                    .append(cell(description(o))).append(" |\n");
        }
    }

    private static String defaultValue(JsonNode option) {
        // Camel's generator writes false for every boolean option without a default, also for a Boolean whose
        // unset (null) state means something of its own, which its description then explains
        if (!option.has("defaultValue") || "java.lang.Boolean".equals(option.path("javaType").asText())) {
            return "";
        }
        return "`" + cell(option.path("defaultValue").asText()) + "`";
    }

    private static String description(JsonNode option) {
        StringBuilder text = new StringBuilder();
        if (option.path("required").asBoolean()) {
            text.append("**required** ");
        }
        if (option.path("secret").asBoolean()) {
            text.append("**secret** ");
        }
        text.append(option.path("description").asText());
        if (option.has("enum")) {
            text.append(" (one of ").append(StreamSupport.stream(option.path("enum").spliterator(), false)
                    .map(e -> "`" + e.asText() + "`").collect(Collectors.joining(", "))).append(')');
        }
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
