package io.logrouter.chaos;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged router ({@code target/quarkus-app/quarkus-run.jar}, as the container runs it) in a child process that
 * a case can kill with SIGKILL and start again with the same port, routes folder and state. Its output goes to
 * {@code target/chaos/<name>.log}, appended across restarts.
 */
public final class RouterProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final int managementPort;
    private final String managementToken = UUID.randomUUID().toString();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
    private Process process;

    /**
     * A router reading its routes from {@code routesDir}, HTTP on a free port, no token needed, its management port
     * on another free port with a token of its own (as deployed), no Kafka source unless a case turns it on.
     */
    public RouterProcess(String name, Path routesDir) throws IOException {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        environment.put("LOGROUTER_ROUTES_DIR", routesDir.toString());
        environment.put("LOGROUTER_HTTP_PORT", Integer.toString(port));
        environment.put("LOGROUTER_HTTP_AUTH_ENABLED", "false");
        environment.put("LOGROUTER_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.put("LOGROUTER_MANAGEMENT_TOKEN", managementToken);
        environment.put("LOGROUTER_KAFKA_ENABLED", "false");
        // the cases' files live in JUnit's temporary folders, and their routes files read chaos.* settings
        String temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString();
        environment.put("LOGROUTER_ROUTES_ALLOWED_READ_PATHS", temporary);
        environment.put("LOGROUTER_ROUTES_ALLOWED_WRITE_PATHS", temporary);
        environment.put("LOGROUTER_ROUTES_ALLOWED_SETTINGS", "logrouter.,chaos.");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public RouterProcess env(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** Replaces the default heap bound ({@code -Xmx512m}) and adds JVM options. */
    public RouterProcess jvm(String... options) {
        jvmOptions.clear();
        jvmOptions.addAll(List.of(options));
        return this;
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Starts the router and waits until it answers its readiness check. */
    public RouterProcess start() throws IOException, InterruptedException {
        startWithoutWaiting();
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    /** Starts the router without waiting: for a case where a sink is down, readiness stays down. */
    public RouterProcess startWithoutWaiting() throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the chaos cases run the packaged router (mvn package)");
        }
        Path log = Files.createDirectories(Path.of("target/chaos")).resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before it was ready: see target/chaos/" + name + ".log");
            }
            if (status("/q/health/ready") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ": see target/chaos/" + name
                + ".log");
    }

    private HttpRequest.Builder management(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).timeout(timeout).GET();
    }

    /**
     * The HTTP status of a GET on the management port without the token, as the kubelet probes health, or -1 when the
     * router does not answer.
     */
    public int status(String path) throws InterruptedException {
        try {
            return HTTP.send(management(path, Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The body of a GET on the management port, with the token, that must answer 200 (the routes report, say). */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(management(path, Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + managementToken).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no last checkpoint. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as Kubernetes stops a pod: the router drains its in-flight batches before it exits. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** The process's peak resident set (VmHWM), in MiB: what the kernel counted, heap or not. */
    public long peakRssMebibytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IOException("no VmHWM in /proc/" + process.pid() + "/status");
    }

    @Override
    public void close() throws InterruptedException {
        if (isAlive()) {
            kill();
        }
    }
}
