package io.logrouter.deploy;

import static io.logrouter.deploy.PodSecurityStandards.Level.BASELINE;
import static io.logrouter.deploy.PodSecurityStandards.Level.RESTRICTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks a platform team runs on the workloads the overlays build, every container included (init containers
 * too): the Pod Security Standards, requests and limits, a read-only root filesystem, no privilege escalation, and
 * probes on the management port.
 */
class PolicyTest {

    private static final String NODE_AGENT = "overlays/node-agent";
    private static final String AGGREGATOR = "overlays/aggregator";
    private static final String AGGREGATOR_CPU = "overlays/aggregator-cpu-autoscaling";

    private final int managementPort = new ApplicationDefaults().managementPort();

    @ParameterizedTest
    @ValueSource(strings = {AGGREGATOR, AGGREGATOR_CPU})
    void aggregatorMeetsTheRestrictedStandard(String overlay) {
        assertEquals(List.of(), PodSecurityStandards.violations(pod(overlay), RESTRICTED));
    }

    /**
     * The node agent's one exception (README, Deploying): its hostPath volumes, the host's logs (read-only) and its
     * checkpoint directory; and, because a new hostPath directory belongs to root, the init container that hands the
     * checkpoint directory to the image's user, as root with CAP_CHOWN alone. Nothing else.
     */
    @Test
    void nodeAgentsOnlyExceptionIsItsHostPaths() {
        PodSpec pod = pod(NODE_AGENT);
        String hostPaths = String.join(", ", pod.getVolumes().stream().filter(v -> v.getHostPath() != null)
                .map(Volume::getName).toList());
        assertEquals(List.of("hostPathVolumes: " + hostPaths), PodSecurityStandards.violations(pod, BASELINE));

        Container chown = pod.getInitContainers().get(0);
        assertEquals("chown", chown.getCommand().get(0));
        assertEquals(List.of("CHOWN"), chown.getSecurityContext().getCapabilities().getAdd());
        assertTrue(chown.getVolumeMounts().stream().allMatch(mount -> pod.getVolumes().stream()
                .anyMatch(v -> v.getName().equals(mount.getName()) && v.getHostPath() != null)),
                "the root init container touches nothing but the hostPath");
        String root = chown.getName();
        assertEquals(List.of("hostPathVolumes: " + hostPaths, "restrictedVolumes: " + hostPaths, "runAsNonRoot: " + root,
                "runAsUser: " + root, "capabilities_restricted: " + root),
                PodSecurityStandards.violations(pod, RESTRICTED));
    }

    @Test
    void aPodBreakingTheStandardsIsCaught() {
        PodSpec pod = new PodSpecBuilder(pod(AGGREGATOR)).withHostNetwork(true)
                .editFirstContainer().editSecurityContext().withAllowPrivilegeEscalation(true).withRunAsUser(0L)
                .editCapabilities().withDrop().withAdd("NET_ADMIN").endCapabilities()
                .withNewSeccompProfile().withType("Unconfined").endSeccompProfile().endSecurityContext()
                .endContainer().build();
        assertEquals(List.of("hostNamespaces: pod", "capabilities_baseline: log-router",
                "seccompProfile_baseline: log-router"), PodSecurityStandards.violations(pod, BASELINE));
        assertEquals(List.of("hostNamespaces: pod", "capabilities_baseline: log-router",
                "seccompProfile_baseline: log-router", "allowPrivilegeEscalation: log-router", "runAsUser: log-router",
                "seccompProfile_restricted: log-router", "capabilities_restricted: log-router"),
                PodSecurityStandards.violations(pod, RESTRICTED));
    }

    @ParameterizedTest
    @ValueSource(strings = {NODE_AGENT, AGGREGATOR, AGGREGATOR_CPU})
    void everyContainerHasRequestsAndLimits(String overlay) {
        for (Container container : containers(pod(overlay))) {
            for (String resource : List.of("cpu", "memory")) {
                assertNotNull(container.getResources().getRequests().get(resource),
                        container.getName() + " requests " + resource);
                assertNotNull(container.getResources().getLimits().get(resource),
                        container.getName() + " is limited in " + resource);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {NODE_AGENT, AGGREGATOR, AGGREGATOR_CPU})
    void everyContainerHasAReadOnlyRootFilesystemAndNoPrivilegeEscalation(String overlay) {
        for (Container container : containers(pod(overlay))) {
            assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem(), container.getName());
            assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation(),
                    container.getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {NODE_AGENT, AGGREGATOR, AGGREGATOR_CPU})
    void probesPointAtTheManagementPort(String overlay) {
        for (Container container : pod(overlay).getContainers()) {
            List<Probe> probes = Stream.of(container.getStartupProbe(), container.getLivenessProbe(),
                    container.getReadinessProbe()).toList();
            for (Probe probe : probes) {
                assertNotNull(probe, container.getName() + " has startup, liveness and readiness probes");
                assertEquals(managementPort, portNumber(container, probe.getHttpGet().getPort()),
                        container.getName() + " probes " + probe.getHttpGet().getPath());
            }
        }
    }

    private static int portNumber(Container container, IntOrString port) {
        return port.getIntVal() != null ? port.getIntVal() : container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName())).map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port " + port.getStrVal()));
    }

    private static PodSpec pod(String overlay) {
        return Built.of(overlay).podTemplate().getSpec();
    }

    private static List<Container> containers(PodSpec pod) {
        return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList();
    }
}
