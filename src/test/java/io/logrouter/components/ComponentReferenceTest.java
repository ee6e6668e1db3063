package io.logrouter.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.sources.tail.TailComponent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated component metadata lists every option Camel can set on the router's components, credentials are
 * marked secret, and {@code docs/components.md} shows exactly that metadata. What Camel can set is read from the
 * compiled classes, not from the annotations alone: a setter added without {@code @UriParam} is an option Camel binds
 * from a URI (the components bind their configuration objects by reflection) that no reference would show.
 */
class ComponentReferenceTest {

    /** Option names that carry credentials; an option named so must be marked secret. */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(password|secret|apikey|accesskey|token|passphrase).*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Class<?>> components;

    @BeforeAll
    static void findComponents() throws Exception {
        components = routerComponents();
    }

    @Test
    void everyComponentIsFoundAndRegisteredByItsGeneratedServiceFile() throws IOException {
        assertEquals(Set.of("tail", "kinesis-kcl", "elasticsearch-bulk", "s3-archive", "kinesis-queue", "ndjson-file"),
                new TreeSet<>(components.stream().map(ComponentReferenceTest::scheme).toList()));
        for (Class<?> component : components) {
            Properties service = new Properties();
            try (InputStream in = resource("META-INF/services/org/apache/camel/component/" + scheme(component))) {
                service.load(in);
            }
            assertEquals(component.getName(), service.getProperty("class"), "service file of " + scheme(component));
        }
    }

    @Test
    void theMetadataListsEveryOptionCamelCanSet() throws IOException {
        for (Class<?> component : components) {
            JsonNode metadata = metadata(component);
            String scheme = scheme(component);
            assertMissing(scheme + " component", componentOptions(component), metadata.path("componentProperties"));
            assertMissing(scheme + " endpoint", endpointOptions(endpoint(component)), metadata.path("properties"));
        }
    }

    @Test
    void credentialsAreSecretAndEveryOptionIsDescribed() throws IOException {
        for (Class<?> component : components) {
            JsonNode metadata = metadata(component);
            for (String section : List.of("componentProperties", "properties")) {
                metadata.path(section).properties().forEach(option -> {
                    String where = scheme(component) + " " + section + " " + option.getKey();
                    if (CREDENTIAL.matcher(option.getKey()).matches()) {
                        assertTrue(option.getValue().path("secret").asBoolean(), where + " is a credential: mark it secret");
                    }
                    assertFalse(option.getValue().path("description").asText().isBlank(), where + " has no description");
                });
            }
        }
    }

    @Test
    void theReferencePageShowsTheGeneratedMetadata() throws IOException {
        List<JsonNode> metadata = new ArrayList<>();
        for (Class<?> component : components) {
            metadata.add(metadata(component));
        }
        String page = ComponentReferencePage.render(metadata);
        for (JsonNode component : metadata) {
            for (String section : List.of("componentProperties", "properties")) {
                component.path(section).properties().forEach(option -> assertTrue(
                        page.contains("| `" + option.getKey() + "` |"),
                        component.path("component").path("name").asText() + " option " + option.getKey()
                                + " is not on the reference page"));
            }
        }
        Path file = Path.of(ComponentReferencePage.PATH);
        String current = Files.exists(file) ? Files.readString(file) : "";
        if (!page.equals(current)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, page);
            fail(file + " was stale and has been rewritten from the generated metadata: review and commit it");
        }
    }

    private static void assertMissing(String where, Set<String> expected, JsonNode documented) {
        Set<String> missing = new TreeSet<>(expected);
        documented.fieldNames().forEachRemaining(missing::remove);
        assertTrue(missing.isEmpty(), where + " options missing from the generated metadata: " + missing
                + " (annotate them with @UriParam or @Metadata, then build)");
    }

    /** What {@code camel.component.<name>.*} can set: the component's own public setters. */
    private static Set<String> componentOptions(Class<?> component) {
        Set<String> options = new TreeSet<>();
        for (Class<?> c = component; c != DefaultComponent.class; c = c.getSuperclass()) {
            options.addAll(setters(c));
        }
        return options;
    }

    /**
     * What a URI can set: the annotated path and parameters, every setter of the endpoint and of its configuration
     * objects (bound by reflection), the router's classes only, not Camel's {@link DefaultEndpoint}.
     */
    private static Set<String> endpointOptions(Class<?> endpoint) {
        Set<String> options = new TreeSet<>();
        for (Class<?> c = endpoint; c != DefaultEndpoint.class; c = c.getSuperclass()) {
            options.addAll(setters(c));
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(UriPath.class)) {
                    options.add(field.getName());
                } else if (field.isAnnotationPresent(UriParam.class)) {
                    options.addAll(field.getType().isAnnotationPresent(UriParams.class)
                            ? configurationOptions(field.getType()) : Set.of(field.getName()));
                }
            }
        }
        return options;
    }

    private static Set<String> configurationOptions(Class<?> configuration) {
        Set<String> options = new TreeSet<>();
        for (Class<?> c = configuration; c != Object.class; c = c.getSuperclass()) {
            options.addAll(setters(c));
            Stream.of(c.getDeclaredFields()).filter(f -> f.isAnnotationPresent(UriParam.class))
                    .forEach(f -> options.add(f.getName()));
        }
        return options;
    }

    private static Set<String> setters(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            boolean skipped = method.isAnnotationPresent(Metadata.class) && method.getAnnotation(Metadata.class).skip();
            if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !skipped
                    && method.getName().startsWith("set") && method.getParameterCount() == 1
                    && method.getReturnType() == void.class) {
                names.add(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
            }
        }
        return names;
    }

    private static JsonNode metadata(Class<?> component) throws IOException {
        String path = "META-INF/" + component.getPackageName().replace('.', '/') + "/" + scheme(component) + ".json";
        try (InputStream in = resource(path)) {
            return JSON.readTree(in);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ComponentReferenceTest.class.getClassLoader().getResourceAsStream(path);
        assertNotNull(in, path + " is not on the classpath: is camel-package-maven-plugin's generate-component bound?");
        return in;
    }

    private static String scheme(Class<?> component) {
        Component annotation = component.getAnnotation(Component.class);
        assertNotNull(annotation, component + " has no @Component: Camel's tooling would not see it");
        return annotation.value();
    }

    /** The endpoint class whose {@code @UriEndpoint} names the component's scheme, in the component's package. */
    private static Class<?> endpoint(Class<?> component) {
        return classesIn(component.getPackageName()).stream()
                .filter(c -> c.isAnnotationPresent(UriEndpoint.class))
                .filter(c -> c.getAnnotation(UriEndpoint.class).scheme().equals(scheme(component)))
                .findFirst().orElseThrow(() -> new AssertionError(scheme(component) + " has no @UriEndpoint class"));
    }

    /**
     * Every public concrete Camel component among the router's compiled classes. The route guard's own stand-in for
     * Camel's bean component is package-private: it is never an endpoint a route can name.
     */
    private static List<Class<?>> routerComponents() {
        return classesIn("io.logrouter").stream()
                .filter(org.apache.camel.Component.class::isAssignableFrom)
                .filter(c -> Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers()))
                // sources before sinks, as on the reference page
                .sorted(Comparator.comparing((Class<?> c) -> !c.getPackageName().contains(".sources."))
                        .thenComparing(Class::getName))
                .toList();
    }

    private static List<Class<?>> classesIn(String packageName) {
        Path root;
        try {
            root = Path.of(TailComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path folder = root.resolve(packageName.replace('.', '/'));
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(root::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .map(ComponentReferenceTest::load).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ComponentReferenceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
