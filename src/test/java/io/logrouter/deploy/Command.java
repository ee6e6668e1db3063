package io.logrouter.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** An external tool the manifest tests run (kubectl, the schema validators): its standard output, or why it failed. */
final class Command {

    private Command() {
    }

    /**
     * Runs {@code command} with {@code input} on its standard input and returns its standard output; standard error
     * (warnings, which would corrupt the output) is kept apart and reported only when the command fails.
     */
    static String run(List<String> command, String input, Duration timeout) {
        Path errors = null;
        try {
            errors = Files.createTempFile("command", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(errors));
            }
            return new String(output.join(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command + " interrupted", e);
        } finally {
            if (errors != null) {
                errors.toFile().delete();
            }
        }
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
