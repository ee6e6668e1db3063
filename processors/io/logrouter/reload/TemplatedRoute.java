package io.logrouter.reload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.model.TemplatedRouteParameterDefinition;
import org.apache.camel.util.StringHelper;

/**
 * The route a templated route stands for, made the way Camel's model makes it: the template's route under the
 * templated route's id, and the parameters its placeholders resolve from (the template's defaults, overridden by the
 * templated route's values, each under its camelCase and kebab-case name as Camel allows). Checking this route is
 * checking what will run, before Camel creates anything.
 */
record TemplatedRoute(RouteDefinition route, Map<String, Object> parameters, List<String> missingParameters) {

    static TemplatedRoute of(RouteTemplateDefinition template, TemplatedRouteDefinition templated) {
        // Camel leaves the lists null when the YAML has none
        List<RouteTemplateParameterDefinition> declared = Objects.requireNonNullElse(template.getTemplateParameters(),
                List.of());
        Map<String, Object> parameters = new HashMap<>();
        for (RouteTemplateParameterDefinition parameter : declared) {
            if (parameter.getDefaultValue() != null) {
                put(parameters, parameter.getName(), parameter.getDefaultValue());
            }
        }
        for (TemplatedRouteParameterDefinition parameter : Objects.requireNonNullElse(templated.getParameters(),
                List.<TemplatedRouteParameterDefinition>of())) {
            put(parameters, parameter.getName(), parameter.getValue());
        }
        List<String> missing = declared.stream()
                .filter(parameter -> parameter.isRequired() && !parameters.containsKey(parameter.getName()))
                .map(RouteTemplateParameterDefinition::getName).toList();
        RouteDefinition route = template.asRouteDefinition();
        route.setId(templated.getRouteId());
        return new TemplatedRoute(route, parameters, missing);
    }

    private static void put(Map<String, Object> parameters, String name, Object value) {
        parameters.put(name, value);
        parameters.put(StringHelper.dashToCamelCase(name), value);
        parameters.put(StringHelper.camelCaseToDash(name), value);
    }
}
