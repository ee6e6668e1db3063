package io.logrouter.reload;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * Checks routes files the way the router's reload would, without starting the router, a server or any route: for a
 * route repository's CI. Prints {@code file:line: problem} for each problem and exits with 1 if there is any.
 *
 * <pre>java -cp ... io.logrouter.reload.RouteChecker [dir-or-file ...]</pre>
 *
 * Placeholders resolve from the router's application.properties and the environment, as in the router, and only those
 * of the allowed settings do. Nothing a file declares runs: its YAML is checked before Camel reads it, and Camel reads
 * it in a context guarded like the router's ({@link RouteGuard}).
 */
public final class RouteChecker {

    private RouteChecker() {
    }

    public static void main(String[] args) {
        System.exit(run(args.length == 0 ? List.of("routes") : List.of(args), System.out));
    }

    static int run(List<String> paths, PrintStream out) {
        List<RouteProblem> problems;
        try {
            problems = check(paths.stream().map(Path::of).toList());
        } catch (IOException e) {
            out.println("cannot read routes: " + e);
            return 2;
        }
        problems.forEach(out::println);
        out.println(problems.isEmpty() ? "routes OK" : problems.size() + " problem(s)");
        return problems.isEmpty() ? 0 : 1;
    }

    /** The problems of every routes file under the given folders, and of the given files. */
    public static List<RouteProblem> check(List<Path> paths) throws IOException {
        List<RouteFile> files = new ArrayList<>();
        for (Path path : paths) {
            files.addAll(Files.isDirectory(path) ? new RouteFolder(path).read() : List.of(RouteFile.read(path)));
        }
        SmallRyeConfig config = applicationConfig();
        RouteAllowList allowList = RouteAllowList.from(config);
        try (DefaultCamelContext context = guardedContext(config, allowList)) {
            context.build();
            RouteFileParser parser = new RouteFileParser(context, allowList);
            List<RouteProblem> problems = new ArrayList<>();
            Map<String, String> routeFiles = new HashMap<>();
            Set<String> beanNames = new HashSet<>();
            Map<String, RouteTemplateDefinition> templates = new HashMap<>();
            for (RouteFile file : RouteFileParser.templatesFirst(files)) {
                ParsedRouteFile parsed = parser.parse(file, Set.copyOf(beanNames), Map.copyOf(templates));
                problems.addAll(parsed.problems());
                beanNames.addAll(parsed.beanNames());
                for (RouteTemplateDefinition template : parsed.templates()) {
                    RouteTemplateDefinition other = templates.putIfAbsent(template.getId(), template);
                    if (other != null) {
                        problems.add(new RouteProblem(file.location(), template.getLineNumber(), "route template '"
                                + template.getId() + "' is already declared in " + other.getResource().getLocation()));
                    }
                }
                for (RouteDefinition route : parsed.allRoutes()) {
                    String other = route.getRouteId() == null ? null
                            : routeFiles.putIfAbsent(route.getRouteId(), file.location());
                    if (other != null) {
                        problems.add(new RouteProblem(file.location(), route.getLineNumber(),
                                "route id '" + route.getRouteId() + "' is already used in " + other));
                    }
                }
            }
            return problems;
        }
    }

    /**
     * A context whose placeholders resolve from {@code config} first, guarded like the router's: what Camel
     * creates or resolves while it reads a file is checked where it happens.
     */
    static DefaultCamelContext guardedContext(SmallRyeConfig config, RouteAllowList allowList) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().addPropertiesSource(new ConfigPropertiesSource(config));
        RouteGuard.install(context, allowList, new SimpleMeterRegistry());
        return context;
    }

    /** The router's own application.properties, under the environment and system properties like in Quarkus. */
    static SmallRyeConfig applicationConfig() throws IOException {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors().addDefaultSources();
        URL properties = RouteChecker.class.getClassLoader().getResource("application.properties");
        if (properties != null) {
            builder.withSources(new PropertiesConfigSource(properties, 250));
        }
        return builder.build();
    }
}
