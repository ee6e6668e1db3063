package io.logrouter.sinks.elasticsearch;

import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.unique;
import static io.logrouter.sinks.elasticsearch.BulkSinkHarness.versionsById;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import io.logrouter.event.LogEvent;
import io.logrouter.it.ElasticsearchQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The sink against the real Elasticsearch and OpenSearch of the local stack. */
class ElasticsearchBulkSinkTest {

    @ParameterizedTest
    @MethodSource("io.logrouter.sinks.elasticsearch.BulkSinkHarness#servers")
    void mappingConflictsAreDeadLetteredWithTheServersReasonAndTheRestIndexed(String server) throws Exception {
        String index = unique("essink-conflict");
        new ElasticsearchQueries(server).send("PUT", "/" + index,
                "{\"mappings\":{\"properties\":{\"n\":{\"type\":\"long\"}}}}");
        Set<String> conflicting = Set.of("c-3", "c-11", "c-17");
        List<LogEvent> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LogEvent event = LogEvent.ofMessage("c-" + i, "event " + i);
            if (conflicting.contains(event.id())) {
                event.put("n", "not a number " + i);
            } else {
                event.put("n", IntNode.valueOf(i));
            }
            batch.add(event);
        }
        try (BulkSinkHarness sink = new BulkSinkHarness(server, "index=" + index + "&maxBulkEvents=8")) {
            Exchange exchange = sink.send(batch);

            assertNull(exchange.getException(), "the batch is settled: written or dead-lettered");
            assertEquals(conflicting, sink.deadLetters().stream().map(LogEvent::id).collect(Collectors.toSet()));
            for (LogEvent envelope : sink.deadLetters()) {
                assertEquals("elasticsearch", envelope.text("failure.stage"));
                assertEquals("it-elasticsearch", envelope.text("failure.route"));
                assertTrue(envelope.text("failure.reason").matches("(document|mapper)_parsing_exception: .*\\[n].*"),
                        envelope.text("failure.reason"));
                assertTrue(envelope.text("event.n").startsWith("not a number"), "the original event is kept");
            }
            Set<String> expected = batch.stream().map(LogEvent::id).filter(id -> !conflicting.contains(id))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, versionsById(server, index).keySet());
        }
    }
}
