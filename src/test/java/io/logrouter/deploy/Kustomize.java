package io.logrouter.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds a kustomization the way the deploy commands and GitOps tools (Argo CD, Flux) do: plain `kubectl kustomize`,
 * with kustomize's default load restrictor (files only from under the kustomization's own folder).
 */
final class Kustomize {

    private Kustomize() {
    }

    static String build(Path kustomization) {
        try {
            Result result = run(List.of("kubectl", "kustomize", kustomization.toString()));
            if (result.exitCode != 0) {
                throw new IllegalStateException("kustomize build of " + kustomization + " failed: " + result.output);
            }
            return result.output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl: dev/test installs it (Debian package kubectl)", e);
        }
    }

    /** Standard output only (warnings on standard error would corrupt the YAML), standard error for failures. */
    private static Result run(List<String> command) throws IOException {
        Path errors = Files.createTempFile("kubectl", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), process.exitValue() == 0 ? output : Files.readString(errors));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private record Result(int exitCode, String output) {
    }
}
