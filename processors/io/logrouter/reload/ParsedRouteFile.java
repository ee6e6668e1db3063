package io.logrouter.reload;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * A routes file as Camel read it, not yet running: the builder that adds its routes and templates, the routes, the
 * route templates, the routes its templated routes will create (as checked: Camel creates its own when they are
 * added), and the beans it bound while being read. Problems mean it must not be added.
 */
record ParsedRouteFile(RouteFile file, RouteBuilder builder, List<RouteDefinition> routes,
        List<RouteTemplateDefinition> templates, List<RouteDefinition> templatedRoutes, Set<String> beanNames,
        List<RouteProblem> problems) {

    static ParsedRouteFile rejected(RouteFile file, Set<String> beanNames, List<RouteProblem> problems) {
        return new ParsedRouteFile(file, null, List.of(), List.of(), List.of(), beanNames, problems);
    }

    /** Every route the file will run, its own and those made from templates. */
    List<RouteDefinition> allRoutes() {
        return Stream.concat(routes.stream(), templatedRoutes.stream()).toList();
    }

    boolean accepted() {
        return problems.isEmpty();
    }
}
