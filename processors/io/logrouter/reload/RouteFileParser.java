package io.logrouter.reload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dsl.yaml.YamlRoutesBuilderLoader;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
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
     * The files in the order to load them: those declaring route templates first, so that a templated route finds
     * its template whatever the names of the files.
     */
    static List<RouteFile> templatesFirst(List<RouteFile> files) {
        return files.stream().sorted(Comparator.comparing(RouteFileParser::declaresNoTemplate)).toList();
    }

    private static boolean declaresNoTemplate(RouteFile file) {
        try {
            return !RouteYamlScan.parse(file).declaresTemplates();
        } catch (RouteFileRejectedException e) {
            return true;
        }
    }

    /**
     * Binds the file's beans as a side effect (Camel creates them while reading); the caller undoes that if need be.
     * {@code takenBeanNames} are the beans of the other routes files, which this one must not declare again;
     * {@code otherTemplates} their route templates, by id, which this one's templated routes may use.
     */
    ParsedRouteFile parse(RouteFile file, Set<String> takenBeanNames,
            Map<String, RouteTemplateDefinition> otherTemplates) {
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
            RouteDefinitionCheck check = new RouteDefinitionCheck(context, allowList);
            problems.addAll(check.check(file.location(), routes));
            List<RouteTemplateDefinition> templates = List.copyOf(builder.getRouteTemplateCollection()
                    .getRouteTemplates());
            List<RouteDefinition> templatedRoutes = new ArrayList<>();
            List<Integer> lines = yaml.templatedRouteLines();
            List<TemplatedRouteDefinition> templated = builder.getTemplatedRouteCollection().getTemplatedRoutes();
            for (int i = 0; i < templated.size(); i++) {
                templatedRoutes.addAll(checkTemplatedRoute(file, templated.get(i), lines.get(i), templates,
                        otherTemplates, check, problems));
            }
            return new ParsedRouteFile(file, builder, routes, templates, templatedRoutes, yaml.beanNames(),
                    redacted(file, problems));
        } catch (Exception e) {
            return ParsedRouteFile.rejected(file, yaml.beanNames(), redacted(file, List.of(problemOf(file, e, 0))));
        } finally {
            ServiceHelper.stopService(loader);
        }
    }

    /**
     * The route the templated route will create, checked with its parameters resolved; none when its template is
     * missing. Problems of the template's steps are reported in the template's file, where they are to be fixed.
     */
    private static List<RouteDefinition> checkTemplatedRoute(RouteFile file, TemplatedRouteDefinition templated,
            int line, List<RouteTemplateDefinition> ownTemplates, Map<String, RouteTemplateDefinition> otherTemplates,
            RouteDefinitionCheck check, List<RouteProblem> problems) {
        String id = templated.getRouteId();
        String ref = templated.getRouteTemplateRef();
        if (id == null) {
            // the reload replaces and removes a file's routes by id; Camel's generated ids depend on load order
            problems.add(new RouteProblem(file.location(), line, "a templated route needs a routeId"));
            return List.of();
        }
        RouteTemplateDefinition template = ownTemplates.stream().filter(own -> own.getId().equals(ref)).findFirst()
                .orElse(otherTemplates.get(ref));
        if (template == null) {
            problems.add(new RouteProblem(file.location(), line, "templated route '" + id
                    + "': no route template '" + ref + "' is loaded"));
            return List.of();
        }
        TemplatedRoute route = TemplatedRoute.of(template, templated);
        route.route().setLineNumber(line);
        if (!route.missingParameters().isEmpty()) {
            problems.add(new RouteProblem(file.location(), line, "templated route '" + id + "': route template '"
                    + ref + "' needs parameter(s) " + route.missingParameters()));
            return List.of(route.route());
        }
        String templateLocation = template.getResource() == null ? file.location()
                : template.getResource().getLocation();
        check.check(templateLocation, route.route(), route.parameters()).forEach(problem -> problems.add(
                new RouteProblem(problem.file(), problem.line(), "templated route '" + id + "' (" + file.location()
                        + ":" + line + "): " + problem.message())));
        return List.of(route.route());
    }

    /**
     * The problems with every value the file's placeholders resolved to put back as the placeholder: Camel's messages
     * quote the endpoints it resolved, and a problem is shown at {@code /admin/routes} and in the readiness details,
     * which name a setting, never its value.
     */
    private List<RouteProblem> redacted(RouteFile file, List<RouteProblem> problems) {
        if (problems.isEmpty()) {
            return problems;
        }
        List<RouteProblem> redacted = new ArrayList<>();
        for (RouteProblem problem : problems) {
            String message = problem.message();
            for (String name : Placeholders.names(file.content())) {
                if (allowList.allowsSetting(name)) {
                    String value = context.getPropertiesComponent().resolveProperty(name).orElse("");
                    // short values (true, 500) would garble the message and say nothing of a secret
                    if (value.length() >= 4) {
                        message = message.replace(value, "{{" + name + "}}");
                    }
                }
            }
            redacted.add(new RouteProblem(problem.file(), problem.line(), message));
        }
        return redacted;
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
