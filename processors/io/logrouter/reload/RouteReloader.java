package io.logrouter.reload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the routes running in a Camel context in step with the routes files, one file at a time: a new or changed
 * file's routes are read and checked before anything stops; then the previous version's routes are stopped
 * gracefully (in-flight exchanges finish, so sources checkpoint only what was delivered), and the new ones added and
 * started. A file that cannot be read, checked or started is rejected as a whole and its previous version runs on.
 * Routes of other files are never touched.
 * <p>
 * A file's route templates, and the routes its templated routes create, are the file's like its routes. A templated
 * route may use a template of another file: its route belongs to the file that instantiates it, and is checked
 * against the template as loaded when that file loads. Changing or deleting the template's file re-creates that
 * file's own templated routes only; routes other files made from the template keep running as they were made, until
 * their own file changes (then a deleted template rejects that file, and its previous version runs on).
 */
public final class RouteReloader {

    private static final Logger LOG = LoggerFactory.getLogger(RouteReloader.class);

    private final CamelContext context;
    private final RouteFileParser parser;
    private final Duration stopTimeout;
    private final Map<String, LoadedRouteFile> loaded = new TreeMap<>();
    // read without the reload lock: health checks and the routes endpoint must answer while a route drains
    private final Map<String, RouteFileStatus> statuses = new ConcurrentSkipListMap<>();

    public RouteReloader(CamelContext context, RouteAllowList allowList, Duration stopTimeout) {
        this.context = context;
        this.parser = new RouteFileParser(context, allowList);
        this.stopTimeout = stopTimeout;
    }

    /** Loads what is new or changed and removes what is gone; returns a status for each file it acted on. */
    public synchronized List<RouteFileStatus> reconcile(List<RouteFile> files) {
        List<RouteFileStatus> changes = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (RouteFile file : RouteFileParser.templatesFirst(files)) {
            present.add(file.location());
            RouteFileStatus status = statuses.get(file.location());
            // a rejected version is not tried again every poll: only a new version is
            if (status == null || !file.version().equals(status.lastVersion())) {
                changes.add(load(file));
            }
        }
        for (String location : List.copyOf(statuses.keySet())) {
            if (!present.contains(location)) {
                changes.add(unload(location));
            }
        }
        return changes;
    }

    public List<RouteFileStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    private RouteFileStatus load(RouteFile file) {
        LoadedRouteFile current = loaded.get(file.location());
        Map<String, Object> currentBeans = boundBeans(current);
        Set<String> otherFilesBeans = new HashSet<>();
        Map<String, RouteTemplateDefinition> otherFilesTemplates = new HashMap<>();
        loaded.values().stream().filter(other -> other != current).forEach(other -> {
            otherFilesBeans.addAll(other.beanNames());
            other.templates().forEach(template -> otherFilesTemplates.put(template.getId(), template));
        });
        ParsedRouteFile parsed = parser.parse(file, otherFilesBeans, otherFilesTemplates);
        List<RouteProblem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(routeIdConflicts(parsed, current));
        problems.addAll(templateIdConflicts(parsed, current));
        if (!problems.isEmpty()) {
            rebind(currentBeans, parsed.beanNames());
            return rejected(file, current, problems);
        }
        if (current != null) {
            remove(current.routes(), current.templates());
        }
        try {
            parsed.builder().addRoutesToCamelContext(context);
            parsed.builder().addTemplatedRoutesToCamelContext(context);
        } catch (Exception e) {
            remove(parsed.allRoutes(), parsed.templates());
            rebind(currentBeans, parsed.beanNames());
            if (current != null) {
                restore(current);
            }
            return rejected(file, current, List.of(RouteFileParser.problemOf(file, e, lineOfFailedRoute(e, parsed))));
        }
        if (current != null) {
            current.beanNames().stream().filter(name -> !parsed.beanNames().contains(name))
                    .forEach(context.getRegistry()::unbind);
        }
        // the routes Camel made from the templates, not the checked copies: they carry the parameters a restore needs
        List<RouteDefinition> routes = new ArrayList<>(parsed.routes());
        parsed.templatedRoutes().forEach(route -> routes.add(model().getRouteDefinition(route.getRouteId())));
        LoadedRouteFile next = new LoadedRouteFile(file, routes, parsed.templates(), parsed.beanNames());
        loaded.put(file.location(), next);
        LOG.info("Routes file {} version {} loaded: routes {}", file.location(), file.version(), next.routeIds());
        return record(new RouteFileStatus(file.location(), file.version(), next.routeIds(), file.version(),
                Instant.now(), RouteFileStatus.Result.LOADED, List.of()));
    }

    private RouteFileStatus unload(String location) {
        LoadedRouteFile current = loaded.remove(location);
        RouteFileStatus previous = statuses.remove(location);
        if (current != null) {
            remove(current.routes(), current.templates());
            current.beanNames().forEach(context.getRegistry()::unbind);
            LOG.info("Routes file {} deleted: routes {} removed", location, current.routeIds());
        }
        return new RouteFileStatus(location, null, List.of(), previous.lastVersion(), Instant.now(),
                RouteFileStatus.Result.REMOVED, List.of());
    }

    private RouteFileStatus rejected(RouteFile file, LoadedRouteFile current, List<RouteProblem> problems) {
        problems.forEach(problem -> LOG.error("Routes file {} version {} rejected{}: {}", file.location(),
                file.version(), current == null ? "" : " (version " + current.file().version() + " keeps running)",
                problem));
        return record(new RouteFileStatus(file.location(), current == null ? null : current.file().version(),
                current == null ? List.of() : current.routeIds(), file.version(), Instant.now(),
                RouteFileStatus.Result.REJECTED, List.copyOf(problems)));
    }

    private RouteFileStatus record(RouteFileStatus status) {
        statuses.put(status.file(), status);
        return status;
    }

    /** A route id taken by another file (or by the router itself) would replace that route: refused. */
    private List<RouteProblem> routeIdConflicts(ParsedRouteFile parsed, LoadedRouteFile current) {
        List<RouteProblem> problems = new ArrayList<>();
        for (RouteDefinition route : parsed.allRoutes()) {
            String id = route.getRouteId();
            boolean ours = current != null && current.routeIds().contains(id);
            if (id != null && !ours && context.getRoute(id) != null) {
                String owner = loaded.values().stream().filter(other -> other.routeIds().contains(id))
                        .map(other -> other.file().location()).findFirst().orElse("the router");
                problems.add(new RouteProblem(parsed.file().location(), route.getLineNumber(),
                        "route id '" + id + "' is already used by " + owner));
            }
        }
        return problems;
    }

    /** A template id taken by another file (or by the router itself) would make its routes from this one: refused. */
    private List<RouteProblem> templateIdConflicts(ParsedRouteFile parsed, LoadedRouteFile current) {
        List<RouteProblem> problems = new ArrayList<>();
        for (RouteTemplateDefinition template : parsed.templates()) {
            RouteTemplateDefinition existing = model().getRouteTemplateDefinition(template.getId());
            if (existing != null && (current == null || !current.templates().contains(existing))) {
                String owner = loaded.values().stream().filter(other -> other.templates().contains(existing))
                        .map(other -> other.file().location()).findFirst().orElse("the router");
                problems.add(new RouteProblem(parsed.file().location(), template.getLineNumber(),
                        "route template '" + template.getId() + "' is already declared in " + owner));
            }
        }
        return problems;
    }

    private static int lineOfFailedRoute(Exception error, ParsedRouteFile parsed) {
        String routeId = null;
        for (Throwable cause = error; cause != null && routeId == null; cause = cause.getCause()) {
            if (cause instanceof FailedToCreateRouteException failed) {
                routeId = failed.getRouteId();
            } else if (cause instanceof FailedToStartRouteException failed) {
                routeId = failed.getRouteId();
            }
        }
        for (RouteDefinition route : parsed.allRoutes()) {
            if (routeId == null || routeId.equals(route.getRouteId())) {
                return route.getLineNumber();
            }
        }
        return 0;
    }

    /**
     * Stops each route within the stop timeout, letting its in-flight exchanges complete, then removes it, and the
     * templates. A route is removed by its id, so a checked copy of a templated route removes the one Camel made.
     */
    private void remove(Collection<RouteDefinition> routes, Collection<RouteTemplateDefinition> templates) {
        Model model = model();
        for (RouteDefinition route : routes) {
            String id = route.getRouteId();
            try {
                if (id != null && context.getRoute(id) != null) {
                    context.getRouteController().stopRoute(id, stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
                }
                model.removeRouteDefinition(route);
            } catch (Exception e) {
                LOG.error("Route {} could not be stopped and removed", id, e);
            }
        }
        templates.forEach(template -> {
            try {
                model.removeRouteTemplateDefinition(template);
            } catch (Exception e) {
                LOG.error("Route template {} could not be removed", template.getId(), e);
            }
        });
    }

    /** Puts the previous version back after the new one failed to start: same definitions, same bean instances. */
    private void restore(LoadedRouteFile current) {
        try {
            model().addRouteTemplateDefinitions(current.templates());
            model().addRouteDefinitions(current.routes());
        } catch (Exception e) {
            LOG.error("Routes file {}: the previous version {} could not be started again", current.file().location(),
                    current.file().version(), e);
        }
    }

    private Model model() {
        return context.getCamelContextExtension().getContextPlugin(Model.class);
    }

    private Map<String, Object> boundBeans(LoadedRouteFile current) {
        Map<String, Object> beans = new HashMap<>();
        if (current != null) {
            for (String name : current.beanNames()) {
                Object bean = context.getRegistry().lookupByName(name);
                if (bean != null) {
                    beans.put(name, bean);
                }
            }
        }
        return beans;
    }

    /** Undoes the binding of a rejected version's beans: the running version's own instances are bound again. */
    private void rebind(Map<String, Object> currentBeans, Set<String> rejectedBeanNames) {
        Registry registry = context.getRegistry();
        rejectedBeanNames.forEach(registry::unbind);
        currentBeans.forEach(registry::bind);
    }

    private record LoadedRouteFile(RouteFile file, List<RouteDefinition> routes,
            List<RouteTemplateDefinition> templates, Set<String> beanNames) {

        List<String> routeIds() {
            return routes.stream().map(RouteDefinition::getRouteId).toList();
        }
    }
}
