package io.logrouter.routes;

import java.util.ArrayList;
import java.util.List;

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

import static org.apache.camel.model.ProcessorDefinitionHelper.filterTypeInOutputs;

/**
 * The checks made on the routes Camel read from a file, before any of them runs: every endpoint's component is
 * allowed and exists and accepts the endpoint's options, and every bean a step refers to is bound. Endpoints are
 * created to be checked but not registered nor started, so a rejected file leaves nothing behind.
 */
final class RouteDefinitionCheck {

    private final CamelContext context;
    private final RouteAllowList allowList;

    RouteDefinitionCheck(CamelContext context, RouteAllowList allowList) {
        this.context = context;
        this.allowList = allowList;
    }

    List<RouteProblem> check(RouteFile file, List<RouteDefinition> routes) {
        List<RouteProblem> problems = new ArrayList<>();
        for (RouteDefinition route : routes) {
            List<ProcessorDefinition<?>> outputs = route.getOutputs();
            checkEndpoint(file, route.getInput(), route.getInput().getEndpointUri(), problems);
            for (SendDefinition<?> send : filterTypeInOutputs(outputs, SendDefinition.class)) {
                checkEndpoint(file, send, send.getEndpointUri(), problems);
            }
            for (ToDynamicDefinition send : filterTypeInOutputs(outputs, ToDynamicDefinition.class)) {
                checkEndpoint(file, send, send.getUri(), problems);
            }
            for (ExpressionNode enrich : filterTypeInOutputs(outputs, ExpressionNode.class)) {
                if (enrich instanceof EnrichDefinition || enrich instanceof PollEnrichDefinition) {
                    checkEndpoint(file, enrich, enrich.getExpression().getExpression(), problems);
                }
            }
            for (ProcessDefinition process : filterTypeInOutputs(outputs, ProcessDefinition.class)) {
                checkBean(file, process, process.getRef(), problems);
            }
            for (BeanDefinition bean : filterTypeInOutputs(outputs, BeanDefinition.class)) {
                checkBean(file, bean, bean.getRef(), problems);
            }
        }
        return problems;
    }

    private void checkEndpoint(RouteFile file, LineNumberAware node, String uri, List<RouteProblem> problems) {
        if (uri == null) {
            return;
        }
        String resolved;
        try {
            resolved = context.resolvePropertyPlaceholders(uri);
        } catch (RuntimeException e) {
            problems.add(problem(file, node, e.getMessage()));
            return;
        }
        int colon = resolved.indexOf(':');
        String scheme = colon < 0 ? resolved : resolved.substring(0, colon);
        if (scheme.contains("${")) {
            problems.add(problem(file, node, "endpoint " + uri + ": the component must not be computed at run time"));
            return;
        }
        Component component;
        try {
            component = context.getComponent(scheme);
        } catch (RuntimeException e) {
            problems.add(problem(file, node, "component '" + scheme + "' cannot be created: " + e.getMessage()));
            return;
        }
        if (component == null) {
            problems.add(problem(file, node, "unknown component '" + scheme + "' in endpoint " + uri));
        } else if (!allowList.allowsComponent(scheme)) {
            problems.add(problem(file, node, "component '" + scheme + "' is not allowed in reloadable routes"));
        } else if (!resolved.contains("${")) {
            try {
                component.createEndpoint(resolved);
            } catch (Exception e) {
                problems.add(problem(file, node, "endpoint " + uri + ": " + e.getMessage()));
            }
        }
    }

    private void checkBean(RouteFile file, LineNumberAware node, String ref, List<RouteProblem> problems) {
        if (ref != null && context.getRegistry().lookupByName(ref) == null) {
            problems.add(problem(file, node, "no bean named '" + ref + "'"));
        }
    }

    private static RouteProblem problem(RouteFile file, LineNumberAware node, String message) {
        return new RouteProblem(file.location(), Math.max(node.getLineNumber(), 0), message);
    }
}
