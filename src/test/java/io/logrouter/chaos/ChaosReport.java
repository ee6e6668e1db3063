package io.logrouter.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The results table of a chaos run, one row per case, in {@code target/chaos/results.md}: what was done to the
 * router, how many events went in, and what the sink holds. {@code chaos/run} prints it; the README carries the
 * latest full run.
 */
public final class ChaosReport {

    private static final Path TABLE = Path.of("target/chaos/results.md");
    private static final String HEADER = """
            | case | scale | fault | sent | received | missing | duplicated | router | outcome |
            |---|---|---|---:|---:|---:|---:|---|---|
            """;

    private ChaosReport() {
    }

    /**
     * Adds a row. {@code router} says how the router fared (peak RSS, 429s answered...); the outcome is "exactly
     * once" or what went wrong.
     */
    public static synchronized void row(String name, String fault, SeqAudit audit, String router) throws IOException {
        row(name, fault, audit, router, audit.exactlyOnce() ? "exactly once" : "FAILED: " + audit);
    }

    /** A row with the audit's numbers and an outcome the case words itself (a known limitation, say). */
    public static synchronized void row(String name, String fault, SeqAudit audit, String router, String outcome)
            throws IOException {
        append(name, fault, Integer.toString(audit.expected()), Long.toString(audit.received()),
                Integer.toString(audit.missing().size()), Integer.toString(audit.duplicated().size()), router,
                outcome);
    }

    /** A row for a case whose outcome is not a seq count (hostile input: bounded, reported, still running). */
    public static synchronized void row(String name, String fault, String router, String outcome) throws IOException {
        append(name, fault, "", "", "", "", router, outcome);
    }

    private static void append(String name, String fault, String sent, String received, String missing,
            String duplicated, String router, String outcome) throws IOException {
        Files.createDirectories(TABLE.getParent());
        if (!Files.exists(TABLE)) {
            Files.writeString(TABLE, HEADER, StandardCharsets.UTF_8);
        }
        String row = String.join(" | ", name, ChaosScale.name(), fault, sent, received, missing, duplicated, router,
                outcome);
        Files.writeString(TABLE, "| " + row.replace("\n", " ") + " |\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }
}
