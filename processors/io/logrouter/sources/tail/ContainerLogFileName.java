package io.logrouter.sources.tail;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes metadata in the name the kubelet gives a container's log under {@code /var/log/containers}:
 * {@code <pod>_<namespace>_<container>-<64 hex container id>.log}. Pod and namespace names cannot contain
 * underscores, and the container name ends at the last dash before the id.
 */
record ContainerLogFileName(String pod, String namespace, String container, String containerId) {

    private static final Pattern NAME = Pattern.compile("([^_]+)_([^_]+)_(.+)-([0-9a-f]{64})\\.log");

    static Optional<ContainerLogFileName> parse(Path path) {
        Path name = path.getFileName();
        Matcher matcher = name == null ? null : NAME.matcher(name.toString());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ContainerLogFileName(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
    }
}
