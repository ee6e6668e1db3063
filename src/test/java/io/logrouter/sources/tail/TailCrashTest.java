package io.logrouter.sources.tail;

import static io.logrouter.sources.tail.TailHarness.append;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent is killed with SIGKILL in the middle of a backlog: after a restart nothing is lost. */
class TailCrashTest {

    private static final int BATCH_SIZE = 50;
    private static final int IN_FLIGHT = 4;

    @TempDir
    Path dir;

    @Test
    void aKilledAgentResumesAtItsCheckpointLosingNothing() throws Exception {
        Path log = dir.resolve("app.log");
        Path delivered = dir.resolve("delivered.txt");
        append(log, lines(0, 3000));
        String uri = "tail:crash?include=" + dir + "/*.log&registry=" + dir + "/registry.json&format=plain&batchSize="
                + BATCH_SIZE + "&maxInFlightBatches=" + IN_FLIGHT + "&" + TailHarness.FAST;

        Process agent = startAgent(uri, delivered);
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> deliveredLines(delivered).size() >= 500);
        } finally {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        int beforeKill = deliveredLines(delivered).size();
        assertTrue(beforeKill < 3000, "the kill should land before the backlog is through");

        append(log, lines(3000, 4000));
        agent = startAgent(uri, delivered);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(deliveredLines(delivered)).size() == 4000);
        } finally {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        List<String> all = deliveredLines(delivered);
        assertEquals(lineSet(0, 4000), new HashSet<>(all));
        // at most the batches sent and not yet checkpointed at the kill are delivered twice
        assertTrue(all.size() - 4000 <= IN_FLIGHT * BATCH_SIZE, "re-sent " + (all.size() - 4000) + " lines");
    }

    private static Process startAgent(String uri, Path delivered) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashingAgent.class.getName(), uri,
                delivered.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static List<String> deliveredLines(Path delivered) throws IOException {
        return Files.exists(delivered) ? Files.readAllLines(delivered) : List.of();
    }

    private static String lines(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    private static Set<String> lineSet(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "line " + i).collect(Collectors.toSet());
    }
}
