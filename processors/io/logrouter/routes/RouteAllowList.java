package io.logrouter.routes;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.Config;

/**
 * What a routes file read at run time may use. A writable routes folder (a ConfigMap anyone with edit rights on the
 * namespace can change) must not amount to code execution: so no script languages, no components such as
 * {@code class:} or {@code language:}, and beans only of the router's own types unless configured otherwise.
 */
public record RouteAllowList(Set<String> components, Set<String> languages, List<String> beanPackages) {

    /** From {@code logrouter.routes.allowed-components}, {@code -languages} and {@code -bean-packages}. */
    public static RouteAllowList from(Config config) {
        return new RouteAllowList(Set.copyOf(values(config, "logrouter.routes.allowed-components")),
                Set.copyOf(values(config, "logrouter.routes.allowed-languages")),
                values(config, "logrouter.routes.allowed-bean-packages"));
    }

    private static List<String> values(Config config, String name) {
        return config.getOptionalValues(name, String.class).orElse(List.of()).stream().map(String::trim)
                .filter(value -> !value.isEmpty()).toList();
    }

    public boolean allowsComponent(String scheme) {
        return components.contains(scheme);
    }

    public boolean allowsLanguage(String language) {
        return languages.contains(language);
    }

    public boolean allowsBeanType(String className) {
        return beanPackages.stream().anyMatch(className::startsWith);
    }
}
