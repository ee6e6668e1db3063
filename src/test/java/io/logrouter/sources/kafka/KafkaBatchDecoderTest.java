package io.logrouter.sources.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventId;
import io.logrouter.event.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KafkaBatchDecoderTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final KafkaBatchDecoder decoder = new KafkaBatchDecoder();

    @Test
    void oneEventPerRecordWithItsPositionAndAnIdDerivedFromIt() throws Exception {
        Exchange batch = new KafkaRecords(camel, null)
                .add("logs", 0, 41, "pod-a", bytes("{\"level\":\"info\"}"))
                .add("logs", 2, 7, null, bytes("plain line"))
                .batch();

        decoder.process(batch);

        EventBatch events = batch.getMessage().getBody(EventBatch.class);
        assertEquals(2, events.size());
        LogEvent first = events.events().get(0);
        assertEquals(EventId.ofPosition("logs-0", 41), first.id());
        assertEquals("{\"level\":\"info\"}", first.text("message"));
        assertEquals("logs", first.text("kafka.topic"));
        assertEquals(0, first.get("kafka.partition").intValue());
        assertEquals(41L, first.get("kafka.offset").longValue());
        assertEquals("pod-a", first.text("kafka.key"));
        LogEvent second = events.events().get(1);
        assertEquals(EventId.ofPosition("logs-2", 7), second.id());
        assertNull(second.get("kafka.key"));
    }

    @Test
    void invalidUtf8IsKeptWithReplacementCharacters() throws Exception {
        Exchange batch = new KafkaRecords(camel, null)
                .add("logs", 0, 0, null, new byte[] {'o', 'k', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF})
                .batch();

        decoder.process(batch);

        assertEquals("ok \uFFFD(\uFFFD", batch.getMessage().getBody(EventBatch.class).events().get(0).text("message"));
    }

    @Test
    void tombstonesMakeNoEventButTheirOffsetsAreCommittedWithTheBatch() throws Exception {
        Exchange batch = new KafkaRecords(camel, null)
                .add("logs", 1, 10, null, bytes("a"))
                .add("logs", 0, 3, null, bytes("b"))
                .add("logs", 1, 11, "deleted", null)
                .batch();

        decoder.process(batch);

        assertEquals(2, batch.getMessage().getBody(EventBatch.class).size());
        BatchOffsets offsets = batch.getProperty(BatchOffsets.PROPERTY, BatchOffsets.class);
        assertEquals(Map.of(new TopicPartition("logs", 1), 12L, new TopicPartition("logs", 0), 4L),
                offsets.nextOffsets());
    }

    @Test
    void refusesRecordsWithoutACommitHandle() {
        Exchange record = new DefaultExchange(camel);
        record.getMessage().setHeader(KafkaConstants.TOPIC, "logs");
        record.getMessage().setHeader(KafkaConstants.PARTITION, 0);
        record.getMessage().setHeader(KafkaConstants.OFFSET, 0L);
        Exchange batch = new DefaultExchange(camel);
        batch.getMessage().setBody(List.of(record));

        assertThrows(IllegalStateException.class, () -> decoder.process(batch));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
