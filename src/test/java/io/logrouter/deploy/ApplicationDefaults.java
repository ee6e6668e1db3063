package io.logrouter.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the application does when nothing overrides it, read from src/main/resources/application.properties: the
 * manifests must agree with it (ports, paths) and may set only the environment variables it reads.
 */
final class ApplicationDefaults {

    private static final Pattern ENV_EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private final Properties properties = new Properties();

    ApplicationDefaults() {
        try {
            properties.load(new StringReader(ProjectFiles.read(ProjectFiles.APPLICATION_PROPERTIES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of {@code key} (production profile) with every {@code ${ENV:default}} replaced by its default. */
    String defaultOf(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is not set in application.properties");
        }
        return ENV_EXPRESSION.matcher(value).replaceAll(match -> Matcher.quoteReplacement(
                match.group(2) == null ? "" : match.group(2)));
    }

    int httpPort() {
        return Integer.parseInt(defaultOf("quarkus.http.port"));
    }

    int managementPort() {
        return Integer.parseInt(defaultOf("quarkus.management.port"));
    }

    /**
     * Every environment variable that some property of the file reads: those named in {@code ${ENV:default}}, and
     * the one MicroProfile Config maps to each property's own name ({@code logrouter.index.files} from
     * {@code LOGROUTER_INDEX_FILES}).
     */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                names.add(mappedName(key));
            }
            Matcher matcher = ENV_EXPRESSION.matcher(properties.getProperty(key));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The environment variable through which {@code key} is overridden: the named one, or its mapped name. */
    String environmentVariableOf(String key) {
        if (!properties.containsKey(key)) {
            throw new IllegalArgumentException(key + " is not set in application.properties");
        }
        Matcher matcher = ENV_EXPRESSION.matcher(properties.getProperty(key));
        return matcher.find() ? matcher.group(1) : mappedName(key);
    }

    private static String mappedName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
