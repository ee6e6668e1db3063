package io.logrouter.reload;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.logrouter.paths.AllowedPaths;
import org.eclipse.microprofile.config.Config;

/**
 * What a routes file read at run time may use. A writable routes folder (a ConfigMap anyone with edit rights on the
 * namespace can change) must not amount to code execution nor to reading secrets: so no script languages, no
 * components such as {@code class:} or {@code language:}, beans only of the router's own types, and placeholders
 * only of the settings named here. Everything not listed is refused.
 */
public record RouteAllowList(Set<String> components, Set<String> languages, List<String> beanPackages,
        List<String> settings, AllowedPaths readPaths, AllowedPaths writePaths) {

    /**
     * Parts of a setting's name that mark it as a credential, or as configuration that holds them (Camel's and
     * Quarkus's own): never readable from a routes file, whatever {@code allowed-settings} says.
     */
    private static final List<String> SECRET_MARKS = List.of("token", "password", "secret", "accesskey", "apikey",
            "credential", "privatekey");
    private static final List<String> SECRET_PREFIXES = List.of("camel.", "quarkus.");

    /** {@code logrouter.*} settings, and no file anywhere. */
    public RouteAllowList(Set<String> components, Set<String> languages, List<String> beanPackages) {
        this(components, languages, beanPackages, List.of("logrouter."), AllowedPaths.of(List.of()),
                AllowedPaths.of(List.of()));
    }

    /**
     * From {@code logrouter.routes.allowed-components}, {@code -languages}, {@code -bean-packages},
     * {@code -settings}, {@code -read-paths} and {@code -write-paths}.
     */
    public static RouteAllowList from(Config config) {
        return new RouteAllowList(Set.copyOf(values(config, "logrouter.routes.allowed-components")),
                Set.copyOf(values(config, "logrouter.routes.allowed-languages")),
                values(config, "logrouter.routes.allowed-bean-packages"),
                values(config, "logrouter.routes.allowed-settings"),
                AllowedPaths.of(values(config, "logrouter.routes.allowed-read-paths")),
                AllowedPaths.of(values(config, "logrouter.routes.allowed-write-paths")));
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

    /** Whether a routes file may read the setting {@code name} through a {@code {{placeholder}}}. */
    public boolean allowsSetting(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        // without separators: access-key, access.key, access_key and accessKey (an environment variable's
        // spelling reaches the same value) are one mark
        String bare = lower.replaceAll("[^a-z0-9]", "");
        return settings.stream().anyMatch(name::startsWith) && SECRET_PREFIXES.stream().noneMatch(lower::startsWith)
                && SECRET_MARKS.stream().noneMatch(bare::contains);
    }
}
