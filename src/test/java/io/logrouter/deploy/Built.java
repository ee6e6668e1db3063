package io.logrouter.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What one kustomization builds to, as models: the manifests kubectl would apply. */
record Built(String kustomization, List<HasMetadata> manifests) {

    private static final Map<String, Built> BUILDS = new ConcurrentHashMap<>();

    /** Builds {@code k8s/<kustomization>} once per test run. */
    static Built of(String kustomization) {
        return BUILDS.computeIfAbsent(kustomization, name -> new Built(name,
                StrictManifests.readAll(Kustomize.build(ProjectFiles.K8S.resolve(Path.of(name))))));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return manifests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T the(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError(kustomization + " builds " + found.size() + " " + type.getSimpleName() + ", not one");
        }
        return found.get(0);
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(resource -> kind.equals(resource.getKind())).toList();
    }

    boolean contains(String kind, String name) {
        return manifests.stream().anyMatch(manifest -> kind.equals(manifest.getKind())
                && name.equals(manifest.getMetadata().getName()));
    }

    ConfigMap configMap(String name) {
        return all(ConfigMap.class).stream().filter(map -> name.equals(map.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError(kustomization + " builds no ConfigMap " + name));
    }

    /** The pod template of the one workload (DaemonSet or Deployment). */
    PodTemplateSpec podTemplate() {
        List<PodTemplateSpec> templates = manifests.stream()
                .map(manifest -> manifest instanceof DaemonSet daemonSet ? daemonSet.getSpec().getTemplate()
                        : manifest instanceof Deployment deployment ? deployment.getSpec().getTemplate() : null)
                .filter(template -> template != null)
                .toList();
        if (templates.size() != 1) {
            throw new AssertionError(kustomization + " builds " + templates.size() + " workloads, not one");
        }
        return templates.get(0);
    }
}
