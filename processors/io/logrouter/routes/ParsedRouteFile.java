package io.logrouter.routes;

import java.util.List;
import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * A routes file as Camel read it, not yet running: the builder that adds its routes, the routes, and the beans it
 * bound while being read. Problems mean it must not be added.
 */
record ParsedRouteFile(RouteFile file, RouteBuilder builder, List<RouteDefinition> routes, Set<String> beanNames,
        List<RouteProblem> problems) {

    static ParsedRouteFile rejected(RouteFile file, Set<String> beanNames, List<RouteProblem> problems) {
        return new ParsedRouteFile(file, null, List.of(), beanNames, problems);
    }

    boolean accepted() {
        return problems.isEmpty();
    }
}
