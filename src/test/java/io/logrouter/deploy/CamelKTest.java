package io.logrouter.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.logrouter.sinks.elasticsearch.ElasticsearchBulkConfiguration;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.camel.v1.Integration;
import org.apache.camel.v1.Kamelet;
import org.apache.camel.v1.integrationspec.Sources;
import org.apache.camel.v1.integrationspec.Traits;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The Camel K Integration and Kamelet: they run what this build produces, with the application's settings. */
class CamelKTest {

    /** A property placeholder without a default: the route fails to start unless something sets it. */
    private static final Pattern REQUIRED_PLACEHOLDER = Pattern.compile("\\{\\{([^}:]+)}}");
    /**
     * An environment variable in SmallRye Config's syntax: the router reads its secrets (tokens) and the management
     * settings from Quarkus's configuration, to which Camel's {@code {{env:..}}} would arrive as literal text, and the
     * route guard refuses Camel's placeholder functions anyway.
     */
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}");
    private static final String COMPONENT_PREFIX = "camel.component.";

    private final Integration integration = (Integration) StrictManifests.read(StrictManifests.tree(
            ProjectFiles.read(ProjectFiles.K8S.resolve("camel-k/integration.yaml"))));
    private final Kamelet kamelet = (Kamelet) StrictManifests.read(StrictManifests.tree(
            ProjectFiles.read(ProjectFiles.K8S.resolve("camel-k/kamelet-elasticsearch-sink.yaml"))));
    private final ApplicationDefaults application = new ApplicationDefaults();

    @Test
    void dependsOnlyOnTheArtifactThisBuildProduces() throws Exception {
        String artifact = "mvn:" + pomCoordinates();
        assertEquals(List.of(artifact), integration.getSpec().getDependencies());
        assertEquals(List.of(artifact), kamelet.getSpec().getDependencies());
    }

    @Test
    void runsTheRoutesFromTheGeneratedConfigMap() {
        Built built = Built.of("camel-k");
        Integration deployed = built.the(Integration.class);
        assertFalse(deployed.getSpec().getSources().isEmpty());
        for (Sources source : deployed.getSpec().getSources()) {
            ConfigMap routes = built.configMap(source.getContentRef());
            assertEquals(source.getName(), source.getContentKey());
            assertEquals("yaml", source.getLanguage());
            assertEquals(ProjectFiles.read(ProjectFiles.ROUTES.resolve(source.getContentKey())),
                    routes.getData().get(source.getContentKey()));
        }
        String settings = deployed.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom().get(0)
                .getConfigMapRef().getName();
        built.configMap(settings);
    }

    @Test
    void setsEveryPropertyItsRoutesRequire() {
        Map<String, String> properties = camelProperties();
        for (Sources source : integration.getSpec().getSources()) {
            Matcher placeholders = REQUIRED_PLACEHOLDER.matcher(
                    ProjectFiles.read(ProjectFiles.ROUTES.resolve(source.getContentKey())));
            while (placeholders.find()) {
                assertTrue(properties.containsKey(placeholders.group(1)),
                        source.getName() + " needs " + placeholders.group(1) + ", which the camel trait does not set");
            }
        }
    }

    @Test
    void bindsPropertiesTheApplicationDefinesToVariablesItReads() throws IOException {
        Properties defined = new Properties();
        defined.load(new StringReader(ProjectFiles.read(ProjectFiles.APPLICATION_PROPERTIES)));
        for (Map.Entry<String, String> property : camelProperties().entrySet()) {
            assertTrue(defined.containsKey(property.getKey()), property.getKey() + " is no property of the application");
            Matcher variable = ENV_PLACEHOLDER.matcher(property.getValue());
            assertTrue(variable.matches(), property.getKey() + " is bound to an environment variable");
            assertEquals(application.environmentVariableOf(property.getKey()), variable.group(1),
                    property.getKey() + " reads the variable application.properties reads");
        }
    }

    @Test
    void componentPropertiesNameOptionsOfTheComponents() throws Exception {
        for (String key : camelProperties().keySet()) {
            if (key.startsWith(COMPONENT_PREFIX)) {
                String[] parts = key.substring(COMPONENT_PREFIX.length()).split("\\.", 2);
                Class<?> component = componentClass(parts[0]);
                if (component != null) {
                    assertTrue(writableProperties(component).contains(camelCase(parts[1])),
                            component.getSimpleName() + " has no option " + parts[1]);
                }
            }
        }
    }

    @Test
    void probesAndPortAreTheApplications() {
        Traits traits = integration.getSpec().getTraits();
        // the health trait probes the container port; the probes are the template's, on the management port
        assertFalse(traits.getHealth().getEnabled());
        var container = integration.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(application.managementPort(), container.getPorts().stream()
                .filter(port -> "management".equals(port.getName())).findFirst().orElseThrow().getContainerPort());
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals("management", container.getReadinessProbe().getHttpGet().getPort().getStrVal());
        assertEquals("management", container.getLivenessProbe().getHttpGet().getPort().getStrVal());
        assertTrue(traits.getBuilder().getProperties().contains("quarkus.management.enabled=true"));
        assertEquals(application.httpPort(), traits.getContainer().getPort().intValue());

        // the scrape: the Integration's pods, on the management port, with the token
        GenericKubernetesResource monitor = Built.of("camel-k").custom("PodMonitor").get(0);
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        assertEquals(Map.of("camel.apache.org/integration", integration.getMetadata().getName()), selector);
        Map<String, Object> endpoint = monitor.get("spec", "podMetricsEndpoints", 0);
        assertEquals("management", endpoint.get("port"));
        assertEquals("/q/metrics", endpoint.get("path"));
        Map<String, Object> credentials = monitor.get("spec", "podMetricsEndpoints", 0, "authorization", "credentials");
        assertEquals("LOGROUTER_MANAGEMENT_TOKEN", credentials.get("key"));
        assertTrue(traits.getPrometheus().getEnabled());
        assertTrue(traits.getContainer().getRunAsNonRoot());
    }

    @Test
    void kameletWrapsTheElasticsearchSinkWithItsOwnOptions() throws Exception {
        assertEquals("sink", kamelet.getMetadata().getLabels().get("camel.apache.org/kamelet.type"));
        Map<String, Object> template = kamelet.getSpec().getTemplate().getAdditionalProperties();
        @SuppressWarnings("unchecked")
        Map<String, Object> from = (Map<String, Object>) template.get("from");
        assertEquals("kamelet:source", from.get("uri"));
        @SuppressWarnings("unchecked")
        Map<String, Object> to = (Map<String, Object>) ((List<Map<String, Object>>) from.get("steps")).get(0).get("to");
        String scheme = to.get("uri").toString().split(":", 2)[0];
        assertTrue(componentClass(scheme) != null, scheme + " is a component of this build");

        Set<String> declared = kamelet.getSpec().getDefinition().getProperties().keySet();
        assertTrue(declared.containsAll(kamelet.getSpec().getDefinition().getRequired()));
        Set<String> options = writableProperties(ElasticsearchBulkConfiguration.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) to.get("parameters");
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            assertTrue(options.contains(parameter.getKey()), "the sink has no option " + parameter.getKey());
            Matcher placeholder = REQUIRED_PLACEHOLDER.matcher(parameter.getValue().toString());
            assertTrue(placeholder.matches() && declared.contains(placeholder.group(1)),
                    parameter.getKey() + " takes a declared Kamelet property");
        }
        assertEquals(declared, parameters.keySet(), "every declared property reaches the sink");
    }

    /** The camel trait's properties, {@code key = value} each. */
    private Map<String, String> camelProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : integration.getSpec().getTraits().getCamel().getProperties()) {
            int equals = entry.indexOf('=');
            properties.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
        }
        return properties;
    }

    /** The class registered for a scheme by this project (generated from its @Component), or null for Camel's own. */
    private static Class<?> componentClass(String scheme) throws Exception {
        Path registration = ProjectFiles.ROOT.resolve("src/generated/resources/META-INF/services/org/apache/camel/component")
                .resolve(scheme);
        if (!Files.isRegularFile(registration)) {
            return null;
        }
        Properties properties = new Properties();
        properties.load(new StringReader(ProjectFiles.read(registration)));
        return Class.forName(properties.getProperty("class"));
    }

    private static Set<String> writableProperties(Class<?> type) throws IntrospectionException {
        return Arrays.stream(Introspector.getBeanInfo(type).getPropertyDescriptors())
                .filter(property -> property.getWriteMethod() != null)
                .map(PropertyDescriptor::getName)
                .collect(Collectors.toSet());
    }

    private static String camelCase(String kebab) {
        Matcher dash = Pattern.compile("-(.)").matcher(kebab);
        return dash.replaceAll(match -> match.group(1).toUpperCase());
    }

    private static String pomCoordinates() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ProjectFiles.POM.toFile());
        Element project = pom.getDocumentElement();
        return Stream.of("groupId", "artifactId", "version")
                .map(element -> childText(project, element))
                .collect(Collectors.joining(":"));
    }

    private static String childText(Element parent, String name) {
        var children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (name.equals(children.item(i).getNodeName())) {
                return children.item(i).getTextContent().trim();
            }
        }
        throw new IllegalArgumentException("pom.xml has no project/" + name);
    }
}
