package io.logrouter.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One server of the local stack, stopped and started with {@code dev/stack} as an operator would: the real process
 * goes away (connections refused, in-flight requests cut), then comes back on the same port with its data.
 */
public final class StackService {

    private final String service;

    public StackService(String service) {
        this.service = service;
    }

    public void stop() throws IOException, InterruptedException {
        stack("down");
    }

    /** Starts the service and returns once it answers again. */
    public void start() throws IOException, InterruptedException {
        stack("up");
    }

    private void stack(String verb) throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target/chaos")).resolve("stack-" + service + ".log");
        Process process = new ProcessBuilder("dev/stack", verb, service).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("dev/stack " + verb + " " + service + " did not finish: see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException("dev/stack " + verb + " " + service + " failed: see " + log);
        }
    }
}
