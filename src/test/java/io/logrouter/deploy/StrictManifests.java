package io.logrouter.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.v1.Integration;
import org.apache.camel.v1.Kamelet;

/**
 * Reads manifests into the fabric8 Kubernetes and Camel K models and refuses any field the model does not know, so
 * that a misspelled or misplaced field fails here instead of being dropped silently by the API server (or by
 * kubectl's client-side apply). The models keep unknown fields in an "additional properties" map; the strict mapper
 * takes that map away, except where the schema itself is free-form.
 */
final class StrictManifests {

    private static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("apps/v1/DaemonSet", DaemonSet.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("scheduling.k8s.io/v1/PriorityClass", PriorityClass.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ClusterRoleBinding.class),
            Map.entry("camel.apache.org/v1/Integration", Integration.class),
            Map.entry("camel.apache.org/v1/Kamelet", Kamelet.class));

    /** Custom resources without a Java model on the classpath: their fields are checked by the tests one by one. */
    private static final Set<String> GENERIC = Set.of(
            "monitoring.coreos.com/v1/ServiceMonitor",
            "monitoring.coreos.com/v1/PodMonitor",
            "keda.sh/v1alpha1/ScaledObject");

    /** Free-form by schema (x-kubernetes-preserve-unknown-fields): a Kamelet's route template. */
    private static final Set<Class<?>> FREE_FORM = Set.of(org.apache.camel.v1.kameletspec.Template.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final ObjectMapper STRICT = YAML.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule().setDeserializerModifier(new WithoutAnySetter()));

    private StrictManifests() {
    }

    /** The documents of a (multi-document) YAML text, empty ones left out. */
    static List<JsonNode> documents(String yaml) {
        try (var parser = YAML.getFactory().createParser(yaml)) {
            return YAML.readValues(parser, JsonNode.class).readAll().stream()
                    .filter(document -> document != null && !document.isNull() && !document.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String typeOf(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    /** The document in its typed model, strictly; a custom resource without a model as a generic resource. */
    static HasMetadata read(JsonNode document) {
        String type = typeOf(document);
        try {
            if (GENERIC.contains(type)) {
                return YAML.treeToValue(document, GenericKubernetesResource.class);
            }
            Class<? extends HasMetadata> model = MODELS.get(type);
            if (model == null) {
                throw new IllegalArgumentException("no model for " + type + ": add one to " + StrictManifests.class);
            }
            return STRICT.treeToValue(document, model);
        } catch (IOException e) {
            throw new IllegalArgumentException(type + " " + document.path("metadata").path("name").asText()
                    + ": " + e.getMessage(), e);
        }
    }

    static List<HasMetadata> readAll(String yaml) {
        return documents(yaml).stream().map(StrictManifests::read).toList();
    }

    /** Reads a kustomization or kustomize configuration file, which has no Kubernetes model. */
    static JsonNode tree(String yaml) {
        List<JsonNode> documents = documents(yaml);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    private static final class WithoutAnySetter extends BeanDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                BeanDeserializerBuilder builder) {
            if (!FREE_FORM.contains(description.getBeanClass())) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
            }
            return builder;
        }
    }
}
