package io.logrouter.routes;

import org.apache.camel.spi.PropertiesSource;
import org.eclipse.microprofile.config.Config;

/** Resolves Camel's {@code {{placeholders}}} from MicroProfile Config, for a Camel context started without Quarkus. */
final class ConfigPropertiesSource implements PropertiesSource {

    private final Config config;

    ConfigPropertiesSource(Config config) {
        this.config = config;
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
