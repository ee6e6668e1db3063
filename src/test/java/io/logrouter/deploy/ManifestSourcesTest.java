package io.logrouter.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.logrouter.reload.RouteChecker;
import io.logrouter.reload.RouteFile;
import io.logrouter.reload.RouteFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The manifest sources under k8s/, file by file, without building them. */
class ManifestSourcesTest {

    private static List<Kustomization> kustomizations() {
        return ProjectFiles.k8sFiles("kustomization.yaml").stream()
                .map(file -> Kustomization.of(file.getParent()))
                .toList();
    }

    @Test
    void everyFileAKustomizationNamesExists() {
        for (Kustomization kustomization : kustomizations()) {
            for (Path reference : kustomization.references()) {
                assertTrue(Files.exists(reference), kustomization.dir() + " names " + reference + ", which is missing");
            }
        }
    }

    @Test
    void everyManifestSourceIsUsedByAKustomization() {
        Set<Path> referenced = new HashSet<>();
        kustomizations().forEach(kustomization -> referenced.addAll(kustomization.references()));
        List<Path> sources = new ArrayList<>(ProjectFiles.k8sFiles(".yaml"));
        sources.addAll(ProjectFiles.k8sFiles(".env"));
        for (Path source : sources) {
            if (!source.getFileName().toString().equals("kustomization.yaml")) {
                assertTrue(referenced.contains(source), source + " is in no kustomization: dead or forgotten");
            }
        }
    }

    @Test
    void everyResourceParsesStrictlyIntoItsModel() {
        Set<String> kinds = new TreeSet<>();
        for (Kustomization kustomization : kustomizations()) {
            for (Path resource : kustomization.resources()) {
                if (Files.isRegularFile(resource)) {
                    List<HasMetadata> manifests = StrictManifests.readAll(ProjectFiles.read(resource));
                    assertFalse(manifests.isEmpty(), resource + " holds no manifest");
                    manifests.forEach(manifest -> kinds.add(manifest.getKind()));
                }
            }
        }
        assertTrue(kinds.containsAll(Set.of("Namespace", "ServiceAccount", "Service", "NetworkPolicy", "ServiceMonitor",
                "DaemonSet", "PriorityClass", "Deployment", "PodDisruptionBudget", "ScaledObject",
                "HorizontalPodAutoscaler", "Integration", "Kamelet")), kinds.toString());
    }

    @Test
    void aMisspelledFieldIsRefused() {
        String daemonSet = ProjectFiles.read(ProjectFiles.K8S.resolve("overlays/node-agent/daemonset.yaml"));
        assertTrue(daemonSet.contains("tolerations:"));
        var daemonSetError = assertThrows(IllegalArgumentException.class,
                () -> StrictManifests.readAll(daemonSet.replace("tolerations:", "toleration:")));
        assertTrue(daemonSetError.getMessage().contains("\"toleration\""), daemonSetError.getMessage());

        String integration = ProjectFiles.read(ProjectFiles.K8S.resolve("camel-k/integration.yaml"));
        assertTrue(integration.contains("contentKey:"));
        var integrationError = assertThrows(IllegalArgumentException.class,
                () -> StrictManifests.readAll(integration.replace("contentKey:", "contentkey:")));
        assertTrue(integrationError.getMessage().contains("\"contentkey\""), integrationError.getMessage());
    }

    @Test
    void theRoutesConfigMapHoldsExactlyTheApplicationsRoutes() {
        Set<Path> generated = new TreeSet<>(Kustomization.of(ProjectFiles.ROUTES).configMapFiles("log-router-routes"));
        assertEquals(new TreeSet<>(ProjectFiles.routeFiles()), generated,
                "routes/kustomization.yml must list every routes/*.yaml file, and only those");
    }

    @Test
    void buildsWithoutLiftingTheLoadRestrictor() {
        List<Kustomization> all = new ArrayList<>(kustomizations());
        all.add(Kustomization.of(ProjectFiles.ROUTES));
        for (Kustomization kustomization : all) {
            for (Path file : kustomization.loadedFiles()) {
                assertTrue(file.startsWith(kustomization.dir()), kustomization.dir() + " loads " + file
                        + " from outside its folder: plain kustomize (Argo CD, Flux, kubectl apply -k) refuses that");
            }
        }
        assertTrue(Kustomization.of(ProjectFiles.K8S.resolve("base")).resources().contains(ProjectFiles.ROUTES));
    }

    @Test
    void theRouterAndTheRouteCheckerSkipTheRoutesKustomization() throws Exception {
        Path kustomization = ProjectFiles.ROUTES.resolve("kustomization.yml");
        assertTrue(Files.isRegularFile(kustomization));
        List<String> read = new RouteFolder(ProjectFiles.ROUTES).read().stream().map(RouteFile::name).toList();
        assertEquals(ProjectFiles.routeFiles().stream().map(file -> file.getFileName().toString()).toList(), read);
        assertFalse(read.contains(kustomization.getFileName().toString()));
        assertEquals(List.of(), RouteChecker.check(List.of(ProjectFiles.ROUTES)), "dev/check-routes on routes/");
    }

    @Test
    void settingsAreEnvironmentVariablesTheApplicationReads() {
        Set<String> read = new ApplicationDefaults().environmentVariables();
        Set<String> set = ProjectFiles.read(ProjectFiles.K8S.resolve("settings/settings.env")).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(set.isEmpty());
        set.removeAll(read);
        assertEquals(Set.of(), set, "settings.env sets variables application.properties does not read");
    }
}
