package io.logrouter.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Kubernetes Pod Security Standards (https://kubernetes.io/docs/concepts/security/pod-security-standards/), as
 * the pod-security admission controller checks a pod template: each control a pod breaks, with the containers or
 * volumes that break it. The controls of the policy levels "baseline" and "restricted" (which adds its own to
 * baseline's); Windows-only and AppArmor/SELinux option controls are left out, as nothing here sets those fields.
 */
final class PodSecurityStandards {

    enum Level { BASELINE, RESTRICTED }

    /** The capabilities baseline lets a container add: the container runtimes' default set. */
    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "csi", "downwardAPI", "emptyDir",
            "ephemeral", "persistentVolumeClaim", "projected", "secret");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PodSecurityStandards() {
    }

    /** What {@code pod} breaks at {@code level}, one entry per control: "hostPathVolumes: varlog, registry". */
    static List<String> violations(PodSpec pod, Level level) {
        List<String> violations = new ArrayList<>();
        PodSecurityContext podContext = pod.getSecurityContext() != null ? pod.getSecurityContext()
                : new PodSecurityContext();
        List<Container> containers = Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                .toList();

        // baseline
        add(violations, "hostNamespaces", Boolean.TRUE.equals(pod.getHostNetwork())
                || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC()) ? List.of("pod")
                : List.of());
        add(violations, "privileged", names(containers.stream()
                .filter(c -> context(c).getPrivileged() != null && context(c).getPrivileged())));
        add(violations, "capabilities_baseline", names(containers.stream().filter(c -> added(c).stream()
                .anyMatch(capability -> !BASELINE_CAPABILITIES.contains(capability)))));
        add(violations, "hostPathVolumes", pod.getVolumes().stream().filter(v -> v.getHostPath() != null)
                .map(Volume::getName).toList());
        add(violations, "hostPorts", names(containers.stream().filter(c -> c.getPorts().stream()
                .map(ContainerPort::getHostPort).anyMatch(port -> port != null && port != 0))));
        add(violations, "procMount", names(containers.stream().filter(c -> context(c).getProcMount() != null
                && !"Default".equals(context(c).getProcMount()))));
        add(violations, "seccompProfile_baseline", Stream.concat(
                isUnconfined(podContext.getSeccompProfile()) ? Stream.of("pod") : Stream.empty(),
                names(containers.stream().filter(c -> isUnconfined(context(c).getSeccompProfile()))).stream()).toList());
        add(violations, "sysctls", podContext.getSysctls().stream().map(sysctl -> sysctl.getName())
                .filter(name -> !SAFE_SYSCTLS.contains(name)).toList());
        if (level == Level.BASELINE) {
            return violations;
        }

        // restricted
        add(violations, "restrictedVolumes", pod.getVolumes().stream().filter(v -> !RESTRICTED_VOLUMES.contains(
                type(v))).map(Volume::getName).toList());
        add(violations, "allowPrivilegeEscalation", names(containers.stream()
                .filter(c -> !Boolean.FALSE.equals(context(c).getAllowPrivilegeEscalation()))));
        add(violations, "runAsNonRoot", names(containers.stream().filter(c -> context(c).getRunAsNonRoot() != null
                ? !context(c).getRunAsNonRoot() : !Boolean.TRUE.equals(podContext.getRunAsNonRoot()))));
        add(violations, "runAsUser", Stream.concat(
                Long.valueOf(0).equals(podContext.getRunAsUser()) ? Stream.of("pod") : Stream.empty(),
                names(containers.stream().filter(c -> Long.valueOf(0).equals(context(c).getRunAsUser()))).stream())
                .toList());
        add(violations, "seccompProfile_restricted", names(containers.stream().filter(c -> !allowedSeccomp(
                context(c).getSeccompProfile() != null ? context(c).getSeccompProfile()
                        : podContext.getSeccompProfile()))));
        add(violations, "capabilities_restricted", names(containers.stream().filter(c -> !dropsAll(c)
                || added(c).stream().anyMatch(capability -> !"NET_BIND_SERVICE".equals(capability)))));
        return violations;
    }

    private static void add(List<String> violations, String control, List<String> offenders) {
        if (!offenders.isEmpty()) {
            violations.add(control + ": " + String.join(", ", offenders));
        }
    }

    private static List<String> names(Stream<Container> containers) {
        return containers.map(Container::getName).toList();
    }

    private static SecurityContext context(Container container) {
        return container.getSecurityContext() != null ? container.getSecurityContext() : new SecurityContext();
    }

    private static List<String> added(Container container) {
        Capabilities capabilities = context(container).getCapabilities();
        return capabilities == null ? List.of() : capabilities.getAdd();
    }

    private static boolean dropsAll(Container container) {
        Capabilities capabilities = context(container).getCapabilities();
        return capabilities != null && capabilities.getDrop().contains("ALL");
    }

    private static boolean isUnconfined(SeccompProfile profile) {
        return profile != null && "Unconfined".equals(profile.getType());
    }

    private static boolean allowedSeccomp(SeccompProfile profile) {
        return profile != null && Set.of("RuntimeDefault", "Localhost").contains(profile.getType());
    }

    /** The volume's source type, named as in the pod spec ("hostPath", "configMap"): its one field but the name. */
    private static String type(Volume volume) {
        List<String> sources = new ArrayList<>();
        JSON.valueToTree(volume).properties().forEach(field -> {
            if (!"name".equals(field.getKey()) && !field.getValue().isNull()) {
                sources.add(field.getKey());
            }
        });
        return String.join("+", sources);
    }
}
