package io.logrouter.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The overlays as kubectl applies them: built with kustomize, read into the models, checked against the app. */
class OverlayBuildTest {

    private static final String NODE_AGENT = "overlays/node-agent";
    private static final String AGGREGATOR = "overlays/aggregator";
    private static final String AGGREGATOR_CPU = "overlays/aggregator-cpu-autoscaling";
    /** The runtime user of the image (src/main/docker/Dockerfile.jvm). */
    private static final long IMAGE_USER = Dockerfile.read().user();
    /** Read by the base image's run-java.sh rather than by the application. */
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_MAX_MEM_RATIO");

    private final ApplicationDefaults application = new ApplicationDefaults();

    @ParameterizedTest
    @ValueSource(strings = {NODE_AGENT, AGGREGATOR, AGGREGATOR_CPU})
    void servesHttpHealthAndMetricsWhereTheApplicationDoes(String overlay) {
        Built built = Built.of(overlay);
        PodTemplateSpec pod = built.podTemplate();
        Container router = router(pod.getSpec());
        int port = application.httpPort();
        assertEquals(port, router.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseThrow().getContainerPort());
        assertEquals(application.managementPort(), router.getPorts().stream()
                .filter(p -> "management".equals(p.getName())).findFirst().orElseThrow().getContainerPort());
        assertProbe(router.getLivenessProbe(), "/q/health/live");
        assertProbe(router.getReadinessProbe(), "/q/health/ready");
        assertProbe(router.getStartupProbe(), "/q/health/live");

        Service service = built.the(Service.class);
        ServicePort servicePort = service.getSpec().getPorts().get(0);
        assertEquals("http", servicePort.getTargetPort().getStrVal());
        ServicePort managementPort = service.getSpec().getPorts().get(1);
        assertEquals("management", managementPort.getTargetPort().getStrVal());
        assertSelects(service.getSpec().getSelector(), pod.getMetadata().getLabels(), "the Service");

        // shippers reach the ingest port only; the management port only Prometheus's namespace
        NetworkPolicy policy = built.the(NetworkPolicy.class);
        assertSelects(policy.getSpec().getPodSelector().getMatchLabels(), pod.getMetadata().getLabels(),
                "the NetworkPolicy");
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            List<Integer> ports = rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList();
            List<String> namespaces = rule.getFrom().stream()
                    .map(peer -> peer.getNamespaceSelector().getMatchLabels().toString()).toList();
            if (ports.contains(application.managementPort())) {
                assertEquals(List.of(application.managementPort()), ports, "a rule of its own");
                assertEquals(List.of("{kubernetes.io/metadata.name=monitoring}"), namespaces);
            } else {
                assertFalse(namespaces.toString().contains("monitoring"), "Prometheus has no business on " + ports);
            }
        }
        assertTrue(policy.getSpec().getIngress().stream().flatMap(rule -> rule.getPorts().stream())
                .anyMatch(p -> p.getPort().getIntVal() == port), "ingress to the HTTP port is allowed");
        assertTrue(policy.getSpec().getIngress().stream().flatMap(rule -> rule.getPorts().stream())
                .anyMatch(p -> p.getPort().getIntVal() == application.managementPort()),
                "ingress to the management port is allowed");

        GenericKubernetesResource monitor = built.custom("ServiceMonitor").get(0);
        Map<String, Object> endpoint = monitor.get("spec", "endpoints", 0);
        assertEquals("/q/metrics", endpoint.get("path"));
        assertEquals(managementPort.getName(), endpoint.get("port"));
        Map<String, Object> credentials = monitor.get("spec", "endpoints", 0, "authorization", "credentials");
        assertEquals("LOGROUTER_MANAGEMENT_TOKEN", credentials.get("key"), "Prometheus sends the management token");
        Map<String, String> monitorSelector = monitor.get("spec", "selector", "matchLabels");
        assertSelects(monitorSelector, service.getMetadata().getLabels(), "the ServiceMonitor");
    }

    @ParameterizedTest
    @ValueSource(strings = {NODE_AGENT, AGGREGATOR, AGGREGATOR_CPU})
    void runsLockedDown(String overlay) {
        Built built = Built.of(overlay);
        PodSpec pod = built.podTemplate().getSpec();
        assertTrue(pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(IMAGE_USER, pod.getSecurityContext().getRunAsUser());
        assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
        // read-only root filesystem, privilege escalation, capabilities, resources: PolicyTest, for every container
        Container router = router(pod);
        assertNotNull(volume(pod, mount(router, "/tmp").getName()).getEmptyDir(), "/tmp is an emptyDir");

        ServiceAccount account = built.the(ServiceAccount.class);
        assertEquals(account.getMetadata().getName(), pod.getServiceAccountName());
        assertTrue(account.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn").startsWith("arn:aws:iam::"));
        assertFalse(account.getAutomountServiceAccountToken(), "the router uses no Kubernetes API");
        assertFalse(pod.getAutomountServiceAccountToken());
        assertTrue(built.manifests().stream().noneMatch(m -> m.getApiVersion().startsWith("rbac.")),
                "no RBAC: Kubernetes metadata comes from log file names");
    }

    @ParameterizedTest
    @ValueSource(strings = {NODE_AGENT, AGGREGATOR, AGGREGATOR_CPU})
    void takesRoutesAndSettingsFromItsGeneratedConfigMaps(String overlay) {
        Built built = Built.of(overlay);
        PodSpec pod = built.podTemplate().getSpec();
        Container router = router(pod);
        String routesDir = env(router, "LOGROUTER_ROUTES_DIR");
        VolumeMount routesMount = mount(router, routesDir);
        assertTrue(routesMount.getReadOnly());
        Volume routes = volume(pod, routesMount.getName());
        ConfigMap routesMap = built.configMap(routes.getConfigMap().getName());
        assertFalse(routes.getConfigMap().getItems().isEmpty());
        for (KeyToPath item : routes.getConfigMap().getItems()) {
            assertEquals(item.getKey(), item.getPath());
            assertEquals(ProjectFiles.read(ProjectFiles.ROUTES.resolve(item.getKey())),
                    routesMap.getData().get(item.getKey()), item.getKey() + " in the ConfigMap is routes/" + item.getKey());
        }

        for (EnvFromSource source : router.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                built.configMap(source.getConfigMapRef().getName());
            } else {
                assertTrue(source.getSecretRef().getOptional(), "credentials are optional (IRSA or no auth)");
            }
        }
        Set<String> unknown = router.getEnv().stream().map(EnvVar::getName)
                .filter(name -> !application.environmentVariables().contains(name) && !IMAGE_VARIABLES.contains(name))
                .collect(Collectors.toSet());
        assertEquals(Set.of(), unknown, "environment variables nothing reads");
    }

    @Test
    void everyRouteRunsInARole() {
        Set<String> mounted = Stream.of(NODE_AGENT, AGGREGATOR)
                .flatMap(overlay -> routeItems(Built.of(overlay)).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> routes = ProjectFiles.routeFiles().stream().map(file -> file.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(routes, mounted, "each routes/*.yaml is mounted by the node agent, the aggregator or both");
        assertFalse(routeItems(Built.of(AGGREGATOR)).contains("file-tail.yaml"), "no host files on the aggregator");
    }

    @Test
    void nodeAgentTailsEveryNodesContainerLogsAndKeepsItsCheckpointOnTheHost() {
        Built built = Built.of(NODE_AGENT);
        PodSpec pod = built.the(DaemonSet.class).getSpec().getTemplate().getSpec();
        assertTrue(pod.getTolerations().stream().anyMatch(t -> "Exists".equals(t.getOperator())
                && t.getKey() == null && t.getEffect() == null), "tolerates every taint");
        assertTrue(built.contains("PriorityClass", pod.getPriorityClassName()));
        assertTrue(built.the(PriorityClass.class).getValue() > 0);

        Container router = router(pod);
        for (String hostDir : List.of("/var/log", "/var/log/pods")) {
            VolumeMount logs = mount(router, hostDir);
            assertTrue(logs.getReadOnly(), hostDir + " read-only");
            assertEquals(hostDir, volume(pod, logs.getName()).getHostPath().getPath());
        }
        assertTrue(env(router, "LOGROUTER_TAIL_INCLUDE").startsWith("/var/log/containers/"));
        assertTrue(pod.getSecurityContext().getSupplementalGroups().contains(0L),
                "reads root:root 0640 container logs through group 0, not as root");

        String registryDir = Path.of(env(router, "LOGROUTER_TAIL_REGISTRY")).getParent().toString();
        VolumeMount registry = mount(router, registryDir);
        assertFalse(Boolean.TRUE.equals(registry.getReadOnly()), "the checkpoint registry is written");
        assertEquals(registryDir, volume(pod, registry.getName()).getHostPath().getPath());
        Container owner = pod.getInitContainers().get(0);
        assertEquals(List.of("chown", "-R", IMAGE_USER + ":" + IMAGE_USER, registryDir), owner.getCommand());
        assertEquals(List.of("CHOWN"), owner.getSecurityContext().getCapabilities().getAdd());
    }

    @Test
    void aggregatorKeepsTwoReplicasThroughDisruptions() {
        Built built = Built.of(AGGREGATOR);
        Deployment deployment = built.the(Deployment.class);
        assertEquals(2, deployment.getSpec().getReplicas());
        PodDisruptionBudget budget = built.the(PodDisruptionBudget.class);
        assertSelects(budget.getSpec().getSelector().getMatchLabels(),
                deployment.getSpec().getTemplate().getMetadata().getLabels(), "the PodDisruptionBudget");
        assertTrue(budget.getSpec().getMinAvailable().getIntVal() < deployment.getSpec().getReplicas());
    }

    @Test
    void aggregatorScalesOnKafkaLagOfWhatItConsumes() {
        Built built = Built.of(AGGREGATOR);
        assertTrue(built.all(HorizontalPodAutoscaler.class).isEmpty(), "KEDA owns the HPA: no second one");
        GenericKubernetesResource scaledObject = built.custom("ScaledObject").get(0);
        assertEquals(built.the(Deployment.class).getMetadata().getName(),
                scaledObject.get("spec", "scaleTargetRef", "name"));
        Map<String, Object> trigger = scaledObject.get("spec", "triggers", 0);
        assertEquals("kafka", trigger.get("type"));
        @SuppressWarnings("unchecked")
        Map<String, String> metadata = (Map<String, String>) trigger.get("metadata");
        Map<String, String> settings = built.configMap(router(built.podTemplate().getSpec()).getEnvFrom().get(0)
                .getConfigMapRef().getName()).getData();
        assertEquals(settings.get(application.environmentVariableOf("camel.component.kafka.brokers")),
                metadata.get("bootstrapServers"));
        assertEquals(settings.get(application.environmentVariableOf("logrouter.kafka.source.topics")),
                metadata.get("topic"));
    }

    @Test
    void cpuVariantScalesWithAnHpaInsteadOfKeda() {
        Built built = Built.of(AGGREGATOR_CPU);
        assertTrue(built.custom("ScaledObject").isEmpty(), "never two autoscalers on one Deployment");
        HorizontalPodAutoscaler hpa = built.the(HorizontalPodAutoscaler.class);
        assertEquals(built.the(Deployment.class).getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);
    }

    @Test
    void namespaceAdmitsTheAgentsHostPathVolumes() {
        Namespace namespace = Built.of("namespace").the(Namespace.class);
        assertEquals("privileged", namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
        assertEquals(namespace.getMetadata().getName(), Built.of(NODE_AGENT).the(DaemonSet.class).getMetadata()
                .getNamespace());
    }

    private static Set<String> routeItems(Built built) {
        PodSpec pod = built.podTemplate().getSpec();
        Volume routes = volume(pod, mount(router(pod), env(router(pod), "LOGROUTER_ROUTES_DIR")).getName());
        return routes.getConfigMap().getItems().stream().map(KeyToPath::getKey).collect(Collectors.toSet());
    }

    private static Container router(PodSpec pod) {
        return pod.getContainers().stream().filter(c -> "log-router".equals(c.getName())).findFirst().orElseThrow();
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not set")).getValue();
    }

    private static VolumeMount mount(Container container, String path) {
        return container.getVolumeMounts().stream().filter(m -> path.equals(m.getMountPath())).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + path));
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> name.equals(v.getName())).findFirst().orElseThrow();
    }

    private static void assertProbe(Probe probe, String path) {
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("management", probe.getHttpGet().getPort().getStrVal());
    }

    private static void assertSelects(Map<String, String> selector, Map<String, String> labels, String what) {
        assertFalse(selector == null || selector.isEmpty(), what + " selects by labels");
        assertTrue(labels.entrySet().containsAll(selector.entrySet()),
                what + " selector " + selector + " does not match the pod labels " + labels);
    }
}
