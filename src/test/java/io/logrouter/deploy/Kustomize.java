package io.logrouter.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Builds a kustomization the way the deploy commands and GitOps tools (Argo CD, Flux) do: plain `kubectl kustomize`,
 * with kustomize's default load restrictor (files only from under the kustomization's own folder).
 */
final class Kustomize {

    private Kustomize() {
    }

    /** The manifests it builds, as YAML; kubectl comes with dev/test (Debian package kubernetes-client). */
    static String build(Path kustomization) {
        return Command.run(List.of("kubectl", "kustomize", kustomization.toString()), "", Duration.ofSeconds(60));
    }
}
