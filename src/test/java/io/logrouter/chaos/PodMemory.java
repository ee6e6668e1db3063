package io.logrouter.chaos;

/**
 * The memory of the deployments a case stands for (k8s/overlays): the pod's {@code limits.memory}, above which it is
 * OOM-killed, and the heap the JVM takes from it with {@code JAVA_MAX_MEM_RATIO=50}.
 */
public enum PodMemory {

    /** The aggregator Deployment, which takes the HTTP ingest. */
    AGGREGATOR(1024),
    /** The node agent DaemonSet, which tails the node's files. */
    NODE_AGENT(512);

    private final long limitMebibytes;

    PodMemory(long limitMebibytes) {
        this.limitMebibytes = limitMebibytes;
    }

    public long limitMebibytes() {
        return limitMebibytes;
    }

    /** The heap bound for {@link RouterProcess#jvm}. */
    public String heapOption() {
        return "-Xmx" + limitMebibytes / 2 + "m";
    }
}
