package io.logrouter.reload;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.logrouter.paths.PathConfinedComponent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.impl.engine.AbstractCamelContext;
import org.apache.camel.spi.ComponentResolver;
import org.apache.camel.spi.EndpointStrategy;
import org.apache.camel.spi.Language;
import org.apache.camel.support.LifecycleStrategySupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run-time half of the routes allow-list, in the Camel context itself, where things are created: whatever a
 * routes file's check saw or missed, an endpoint computed while an exchange runs ({@code toD}, {@code recipientList},
 * {@code routingSlip}, {@code dynamicRouter}, {@code enrich}, {@code wireTap}, a content router's destination) reaches
 * Camel here. A component is created only for an allowed name, and only of the class Camel's own
 * {@code META-INF/services/org/apache/camel/component/<name>} declares for it, so a bean bound under a component's
 * name never stands in for it (the bean component, which Camel's engine needs for itself, is one that creates no
 * endpoint: {@link EndpointlessBeanComponent}); a language only of an allowed name, simple only as
 * {@link DataOnlySimpleLanguage}; placeholders only of allowed settings; a component that names files
 * ({@code tail:}, {@code ndjson-file:}) confined to the allowed folders. A refusal throws where Camel asked, which
 * fails that exchange (or that file's load), and is counted in {@code logrouter.route.guard.refusals} and logged.
 */
public final class RouteGuard extends LifecycleStrategySupport implements EndpointStrategy {

    static final String REFUSALS = "logrouter.route.guard.refusals";
    private static final Logger LOG = LoggerFactory.getLogger(RouteGuard.class);
    private static final String SIMPLE = "simple";
    private static final String BEAN = "bean";

    private final CamelContext context;
    private final RouteAllowList allowList;
    private final MeterRegistry meters;
    private final Set<String> added = ConcurrentHashMap.newKeySet();

    private RouteGuard(CamelContext context, RouteAllowList allowList, MeterRegistry meters) {
        this.context = context;
        this.allowList = allowList;
        this.meters = meters;
    }

    /**
     * Guards the context from now on; install it before any routes file is read. What the context created before is
     * judged now: components not allowed are removed, and a language not allowed fails the install.
     */
    public static RouteGuard install(CamelContext context, RouteAllowList allowList, MeterRegistry meters) {
        RouteGuard guard = new RouteGuard(context, allowList, meters);
        useDataOnlySimple(context, new DataOnlySimpleLanguage(allowList::allowsSetting,
                reason -> guard.count("expression", reason)));
        for (String name : List.copyOf(context.getLanguageNames())) {
            if (!allowList.allowsLanguage(name) && !name.equals(BEAN)) {
                throw new IllegalStateException("language " + name + " was resolved before the route guard, and"
                        + " is not allowed (logrouter.routes.allowed-languages)");
            }
        }
        PropertiesComponent properties = (PropertiesComponent) context.getPropertiesComponent();
        properties.setPropertiesParser(new SettingsPropertiesParser(properties, allowList,
                reason -> guard.count("setting", reason)));
        for (String name : List.copyOf(context.getComponentNames())) {
            Component component = context.hasComponent(name);
            if (guard.refusal(name, component) != null) {
                LOG.warn("Component {} ({}) was created before the route guard and is not allowed: removed", name,
                        component.getClass().getName());
                context.removeComponent(name);
            } else if (component instanceof PathConfinedComponent files) {
                files.confineTo(allowList.readPaths(), allowList.writePaths());
            }
        }
        if (!allowList.allowsComponent(BEAN) && context.hasComponent(BEAN) == null) {
            context.addComponent(BEAN, new EndpointlessBeanComponent(reason -> guard.count("component", reason)));
        }
        // a name not allowed is refused before Camel looks for its class: nothing of it is loaded
        ComponentResolver resolver = PluginHelper.getComponentResolver(context);
        context.getCamelContextExtension().addContextPlugin(ComponentResolver.class, (name, camel) -> {
            if (!allowList.allowsComponent(name)) {
                throw guard.refused("component", "component '" + name + "' is not allowed"
                        + " (logrouter.routes.allowed-components)");
            }
            return resolver.resolveComponent(name, camel);
        });
        context.addLifecycleStrategy(guard);
        context.getCamelContextExtension().registerEndpointCallback(guard);
        return guard;
    }

    /**
     * Puts the data-only simple in the place of Camel's: bound in the registry, where Camel looks first, when simple
     * is not resolved yet; replacing the resolved one otherwise. Camel Quarkus resolves simple while it builds the
     * context, before any application code runs, and Camel has no API to replace a resolved language: its map of
     * languages is the one place to do it.
     */
    @SuppressWarnings("unchecked")
    private static void useDataOnlySimple(CamelContext context, DataOnlySimpleLanguage simple) {
        if (!context.getLanguageNames().contains(SIMPLE)) {
            context.getRegistry().bind(SIMPLE, simple);
            return;
        }
        simple.setCamelContext(context);
        ServiceHelper.startService(simple);
        try {
            Field languages = AbstractCamelContext.class.getDeclaredField("languages");
            languages.setAccessible(true);
            ((Map<String, Language>) languages.get(context)).put(SIMPLE, simple);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the data-only simple language cannot replace Camel's", e);
        }
        if (!(context.resolveLanguage(SIMPLE) instanceof DataOnlySimpleLanguage)) {
            throw new IllegalStateException("the data-only simple language did not replace Camel's");
        }
    }

    /**
     * A component Camel resolves by name (from a URI) is judged; one the router's own code adds with
     * {@code addComponent} is the operator's choice (Camel calls this after putting it in the context, while a
     * resolved one is not there yet), and its endpoints are allowed like those of an allowed name.
     */
    @Override
    public void onComponentAdd(String name, Component component) {
        if (context.hasComponent(name) == component) {
            added.add(name);
        } else {
            String refusal = refusal(name, component);
            if (refusal != null) {
                throw refused("component", refusal);
            }
        }
        if (component instanceof PathConfinedComponent files) {
            files.confineTo(allowList.readPaths(), allowList.writePaths());
        }
    }

    /**
     * The bean language is let through: Camel evaluates simple's data paths ({@code ${body[a]}}) with it. Routes files
     * cannot name it (their check refuses the {@code method} language and any language not allowed), nor reach it
     * through simple ({@link DataOnlySimpleLanguage} refuses {@code ${bean:...}}).
     */
    @Override
    public void onLanguageCreated(String name, Language language) {
        if (!allowList.allowsLanguage(name) && !name.equals(BEAN)) {
            throw refused("language", "language '" + name + "' is not allowed (logrouter.routes.allowed-languages)");
        }
        if (name.equals(SIMPLE) && !(language instanceof DataOnlySimpleLanguage)) {
            throw refused("language", "simple resolved to " + language.getClass().getName()
                    + ", not the router's data-only simple");
        }
    }

    @Override
    public Endpoint registerEndpoint(String uri, Endpoint endpoint) {
        String scheme = schemeOf(endpoint.getEndpointUri() == null ? uri : endpoint.getEndpointUri());
        if (!allowList.allowsComponent(scheme) && !added.contains(scheme)) {
            throw refused("component", "endpoint of component '" + scheme + "' is not allowed"
                    + " (logrouter.routes.allowed-components)");
        }
        return endpoint;
    }

    private String refusal(String name, Component component) {
        if (!allowList.allowsComponent(name)) {
            return "component '" + name + "' is not allowed (logrouter.routes.allowed-components)";
        }
        String declared = ComponentServices.declaredClass(context.getClassResolver(), name);
        if (!component.getClass().getName().equals(declared)) {
            return "component '" + name + "' resolved to " + component.getClass().getName() + ", not "
                    + Objects.requireNonNullElse(declared, "a class Camel's service files declare for it");
        }
        return null;
    }

    private static String schemeOf(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? uri : uri.substring(0, colon);
    }

    private IllegalArgumentException refused(String kind, String reason) {
        count(kind, reason);
        return new IllegalArgumentException(reason);
    }

    private void count(String kind, String reason) {
        LOG.warn("Route guard refused {}: {}", kind, reason);
        Counter.builder(REFUSALS).description("What the route guard refused to create or resolve for routes files")
                .tag("kind", kind).register(meters).increment();
    }
}
