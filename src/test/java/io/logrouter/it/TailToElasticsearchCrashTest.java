package io.logrouter.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file tail against the real Elasticsearch through what a node sees: appends, a rename-and-create rotation, a
 * copytruncate rotation, and the agent killed with SIGKILL mid-stream and started again. Every line written to the
 * files must be in Elasticsearch exactly once: the checkpoint never runs ahead of delivery, and what is sent again
 * after the kill carries the same ids, so it overwrites.
 */
class TailToElasticsearchCrashTest {

    private final String run = UUID.randomUUID().toString();
    private final String index = "it-tail-crash-" + run;
    private final ElasticsearchQueries elasticsearch = new ElasticsearchQueries();
    private int next;

    @TempDir
    Path dir;

    @AfterEach
    void deleteIndex() throws Exception {
        elasticsearch.send("DELETE", "/" + index + "?ignore_unavailable=true", null);
    }

    @Test
    void rotationsAndAKillLoseNothingAndDuplicateNothing() throws Exception {
        Path app = dir.resolve("app.log");
        Path other = dir.resolve("other.log");
        String tail = "tail:crash?include=" + dir + "/*.log&registry=" + dir + "/registry.json&batchSize=100"
                + "&pollInterval=20&scanInterval=100";
        String sink = "elasticsearch-bulk:crash?index=" + index;

        // a backlog long enough for the kill to land in it, with several batches in flight (search reads 10 000 at most)
        append(app, 6000);
        append(other, 300);
        Process agent = start(tail, sink);
        try {
            awaitAtLeast(600);
            // rename-and-create, as logrotate and the kubelet do: the old file is finished, the new one read
            Files.move(app, dir.resolve("app.log.1"), StandardCopyOption.ATOMIC_MOVE);
            append(dir.resolve("app.log.1"), 100);
            append(app, 500);
            awaitAtLeast(1500);
        } finally {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        }
        assertTrue(documents().size() < next, "the kill should land before everything is delivered");

        append(app, 400);
        agent = start(tail, sink);
        try {
            awaitAtLeast(next - 300);
            // copytruncate: the content is copied away, the file cut to zero and written again from its start
            await().atMost(Duration.ofSeconds(60)).until(() -> seqs(documents()).size() == next);
            Files.copy(other, dir.resolve("other.log.1"));
            Files.write(other, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
            append(other, 200);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> documents().size() >= next);
        } finally {
            agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        List<JsonNode> documents = documents();
        assertEquals(next, documents.size(), "every line exactly once");
        assertEquals(IntStream.range(0, next).boxed().collect(Collectors.toCollection(TreeSet::new)), seqs(documents));
    }

    private void append(Path file, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int seq = next++;
            text.append("{\"seq\":").append(seq).append(",\"run\":\"").append(run).append("\",\"message\":\"event ")
                    .append(seq).append("\"}\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private Process start(String tail, String sink) throws IOException {
        // the agent's log outlives the temporary folder, for whoever reads a failure
        Path log = Files.createDirectories(Path.of("target/it")).resolve("tail-agent-" + run + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TailToElasticsearchAgent.class.getName(), tail, sink)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitAtLeast(int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> documents().size() >= count);
    }

    private List<JsonNode> documents() throws IOException, InterruptedException {
        return elasticsearch.search(index, run, "run");
    }

    private static Set<Integer> seqs(List<JsonNode> documents) {
        return documents.stream().map(hit -> hit.at("/_source/seq").asInt())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
