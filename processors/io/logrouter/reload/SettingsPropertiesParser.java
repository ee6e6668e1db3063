package io.logrouter.reload;

import java.util.Properties;
import java.util.function.Consumer;

import org.apache.camel.component.properties.DefaultPropertiesParser;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.component.properties.PropertiesLookup;

/**
 * Camel's placeholder parser, refusing a text before it is resolved when one of its placeholders names a setting
 * routes files may not read, or a function ({@code env:}, {@code sys:}, {@code bean:}...). Every placeholder Camel
 * resolves in the router's context goes through here: a routes file's while it is read, and an endpoint URI computed
 * at run time, which {@code getEndpoint} resolves again. A route template's parameters are the template's own.
 */
final class SettingsPropertiesParser extends DefaultPropertiesParser {

    private final RouteAllowList allowList;
    private final Consumer<String> refused;

    SettingsPropertiesParser(PropertiesComponent properties, RouteAllowList allowList, Consumer<String> refused) {
        super(properties);
        this.allowList = allowList;
        this.refused = refused;
    }

    @Override
    public String parseUri(String text, PropertiesLookup properties, boolean defaultFallbackEnabled,
            boolean keepUnresolvedOptional, boolean nestedPlaceholder) {
        Placeholders.refusal(text, allowList, this::isTemplateParameter).ifPresent(reason -> {
            refused.accept(reason);
            throw new IllegalArgumentException(reason);
        });
        return super.parseUri(text, properties, defaultFallbackEnabled, keepUnresolvedOptional, nestedPlaceholder);
    }

    private boolean isTemplateParameter(String name) {
        Properties local = getPropertiesComponent().getLocalProperties();
        // get, not containsKey: Camel's ordered properties keep their entries outside the Hashtable
        return local != null && local.get(name) != null;
    }
}
