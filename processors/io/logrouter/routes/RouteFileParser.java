package io.logrouter.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a routes file with Camel's YAML routes loader, after the checks Camel's reading must not get ahead of, and
 * checks what Camel read. Both the reload and the route checker go through here, so they find the same problems.
 */
public final class RouteFileParser {

    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private final CamelContext context;
    private final RouteAllowList allowList;

    public RouteFileParser(CamelContext context, RouteAllowList allowList) {
        this.context = context;
        this.allowList = allowList;
    }

    /**
     * Binds the file's beans as a side effect (Camel creates them while reading); the caller undoes that if need be.
     * {@code takenBeanNames} are the beans of the other routes files, which this one must not declare again.
     */
    ParsedRouteFile parse(RouteFile file, Set<String> takenBeanNames) {
        RouteYamlScan yaml;
        try {
            yaml = RouteYamlScan.parse(file);
        } catch (RouteFileRejectedException e) {
            return ParsedRouteFile.rejected(file, Set.of(), e.problems());
        }
        List<RouteProblem> problems = yaml.check(allowList, context.getClassResolver(), takenBeanNames);
        if (!problems.isEmpty()) {
            return ParsedRouteFile.rejected(file, Set.of(), problems);
        }
        Resource resource = ResourceHelper.fromString(file.location(), file.content());
        // a loader per read: Camel's shared one remembers which locations it pre-parsed, and would not bind the
        // beans of a file read again after a failed read
        YamlRoutesBuilderLoader loader = new YamlRoutesBuilderLoader();
        loader.setCamelContext(context);
        try {
            ServiceHelper.startService(loader);
            loader.preParseRoute(resource);
            RouteBuilder builder = (RouteBuilder) loader.loadRoutesBuilder(resource);
            List<RouteDefinition> routes = new ArrayList<>(builder.configureRoutes(context).getRoutes());
            problems.addAll(new RouteDefinitionCheck(context, allowList).check(file, routes));
            return new ParsedRouteFile(file, builder, routes, yaml.beanNames(), problems);
        } catch (Exception e) {
            return ParsedRouteFile.rejected(file, yaml.beanNames(), List.of(problemOf(file, e, 0)));
        } finally {
            ServiceHelper.stopService(loader);
        }
    }

    /** The problem an exception from Camel stands for, at the line the YAML parser marked when there is one. */
    static RouteProblem problemOf(RouteFile file, Throwable error, int fallbackLine) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof YamlEngineException yaml && RouteYamlScan.lineOf(yaml) > 0) {
                return new RouteProblem(file.location(), RouteYamlScan.lineOf(yaml), RouteYamlScan.describe(yaml));
            }
        }
        int line = 0;
        String message = messageOf(error);
        if (line == 0) {
            Matcher matcher = LINE.matcher(message);
            line = matcher.find() ? Integer.parseInt(matcher.group(1)) : fallbackLine;
        }
        return new RouteProblem(file.location(), line, message);
    }

    private static String messageOf(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(error.getMessage());
        if (root != error && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += ", caused by: " + root.getMessage();
        }
        return message.replaceAll("\\s+", " ").trim();
    }
}
