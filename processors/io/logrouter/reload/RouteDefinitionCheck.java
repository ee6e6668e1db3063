package io.logrouter.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.LineNumberAware;
import org.apache.camel.model.BeanDefinition;
import org.apache.camel.model.EnrichDefinition;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.PollEnrichDefinition;
import org.apache.camel.model.ProcessDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.PropertiesComponent;

import static org.apache.camel.model.ProcessorDefinitionHelper.filterTypeInOutputs;

/**
 * The checks made on the routes Camel read from a file, before any of them runs: every static endpoint's component is
 * allowed and exists and accepts the endpoint's options, and every bean a step refers to is bound. Endpoints are
 * created to be checked but not registered nor started, so a rejected file leaves nothing behind. A route made from a
 * template is checked with its parameters resolved, the way Camel will create it: a template's placeholders say
 * nothing about the endpoints until then.
 */
final class RouteDefinitionCheck {

    private final CamelContext context;
    private final RouteAllowList allowList;

    RouteDefinitionCheck(CamelContext context, RouteAllowList allowList) {
        this.context = context;
        this.allowList = allowList;
    }

    /** Problems are reported in {@code location}, the file that holds the routes' steps. */
    List<RouteProblem> check(String location, List<RouteDefinition> routes) {
        List<RouteProblem> problems = new ArrayList<>();
        for (RouteDefinition route : routes) {
            List<ProcessorDefinition<?>> outputs = route.getOutputs();
            checkEndpoint(location, route.getInput(), route.getInput().getEndpointUri(), problems);
            for (SendDefinition<?> send : filterTypeInOutputs(outputs, SendDefinition.class)) {
                checkEndpoint(location, send, send.getEndpointUri(), problems);
            }
            for (ToDynamicDefinition send : filterTypeInOutputs(outputs, ToDynamicDefinition.class)) {
                checkEndpoint(location, send, send.getUri(), problems);
            }
            for (ExpressionNode enrich : filterTypeInOutputs(outputs, ExpressionNode.class)) {
                if (enrich instanceof EnrichDefinition || enrich instanceof PollEnrichDefinition) {
                    checkEndpoint(location, enrich, enrich.getExpression().getExpression(), problems);
                }
            }
            for (ProcessDefinition process : filterTypeInOutputs(outputs, ProcessDefinition.class)) {
                checkBean(location, process, process.getRef(), problems);
            }
            for (BeanDefinition bean : filterTypeInOutputs(outputs, BeanDefinition.class)) {
                checkBean(location, bean, bean.getRef(), problems);
            }
        }
        return problems;
    }

    /**
     * A route made from a template, with the parameters Camel creates it with: like Camel, they take precedence over
     * the configuration while the route's placeholders are resolved.
     */
    List<RouteProblem> check(String location, RouteDefinition route, Map<String, Object> parameters) {
        PropertiesComponent properties = context.getPropertiesComponent();
        Properties local = new Properties();
        local.putAll(parameters);
        properties.setLocalProperties(local);
        try {
            return check(location, List.of(route));
        } finally {
            properties.setLocalProperties(null);
        }
    }

    private void checkEndpoint(String location, LineNumberAware node, String uri, List<RouteProblem> problems) {
        if (uri == null) {
            return;
        }
        String resolved;
        try {
            resolved = context.resolvePropertyPlaceholders(uri);
        } catch (RuntimeException e) {
            problems.add(problem(location, node, e.getMessage()));
            return;
        }
        int colon = resolved.indexOf(':');
        String scheme = colon < 0 ? resolved : resolved.substring(0, colon);
        if (scheme.contains("${")) {
            return; // computed at run time: the route guard checks it when Camel creates it
        }
        if (!allowList.allowsComponent(scheme)) {
            // the guard would refuse to create it; only say whether it exists at all
            problems.add(problem(location, node, ComponentServices.exists(context.getClassResolver(), scheme)
                    ? "component '" + scheme + "' is not allowed in reloadable routes"
                    : "unknown component '" + scheme + "' in endpoint " + uri));
            return;
        }
        Component component;
        try {
            component = context.getComponent(scheme);
        } catch (RuntimeException e) {
            problems.add(problem(location, node, "component '" + scheme + "' cannot be created: " + e.getMessage()));
            return;
        }
        if (component == null) {
            problems.add(problem(location, node, "unknown component '" + scheme + "' in endpoint " + uri));
        } else if (!resolved.contains("${")) {
            try {
                component.createEndpoint(resolved);
            } catch (Exception e) {
                problems.add(problem(location, node, "endpoint " + uri + ": " + e.getMessage()));
            }
        }
    }

    private void checkBean(String location, LineNumberAware node, String ref, List<RouteProblem> problems) {
        if (ref == null) {
            return;
        }
        String name;
        try {
            name = context.resolvePropertyPlaceholders(ref);
        } catch (RuntimeException e) {
            problems.add(problem(location, node, e.getMessage()));
            return;
        }
        if (context.getRegistry().lookupByName(name) == null) {
            problems.add(problem(location, node, "no bean named '" + name + "'"));
        }
    }

    private static RouteProblem problem(String location, LineNumberAware node, String message) {
        return new RouteProblem(location, Math.max(node.getLineNumber(), 0), message);
    }
}
