package io.logrouter.reload;

import org.apache.camel.Ordered;
import org.apache.camel.spi.PropertiesSource;
import org.eclipse.microprofile.config.Config;

/**
 * Resolves Camel's {@code {{placeholders}}} from MicroProfile Config, for a Camel context started without Quarkus;
 * ahead of whatever other MicroProfile Config Camel finds by itself in the JVM, so that the checks and the values
 * come from one configuration.
 */
final class ConfigPropertiesSource implements PropertiesSource, Ordered {

    private final Config config;

    ConfigPropertiesSource(Config config) {
        this.config = config;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST;
    }

    @Override
    public String getName() {
        return "application.properties";
    }

    @Override
    public String getProperty(String name) {
        return config.getOptionalValue(name, String.class).orElse(null);
    }
}
