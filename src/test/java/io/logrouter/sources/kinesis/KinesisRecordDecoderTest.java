package io.logrouter.sources.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

class KinesisRecordDecoderTest {

    private static final Instant ARRIVAL = Instant.parse("2026-11-26T01:00:00Z");

    private final KinesisRecordDecoder decoder = new KinesisRecordDecoder("logs", new CloudWatchLogsDecoder(1 << 20));

    @Test
    void plainRecordsBecomeOneMessageEachWithTheirPosition() {
        EventBatch batch = decoder.decode("shardId-000000000001", List.of(
                record("{\"level\":\"info\",\"msg\":\"json\"}", "100", 0),
                record("plain text", "101", 0)));

        assertEquals(2, batch.size());
        LogEvent json = batch.events().get(0);
        assertEquals("{\"level\":\"info\",\"msg\":\"json\"}", json.text("message"));
        assertEquals("logs", json.text("aws.kinesis.stream"));
        assertEquals("shardId-000000000001", json.text("aws.kinesis.shard_id"));
        assertEquals("100", json.text("aws.kinesis.sequence_number"));
        assertEquals("key-100", json.text("aws.kinesis.partition_key"));
        assertEquals("2026-11-26T01:00:00Z", json.text("@timestamp"));
        assertEquals("plain text", batch.events().get(1).text("message"));
        assertNotEquals(json.id(), batch.events().get(1).id());
    }

    @Test
    void idsAreTheSameWhenARecordIsReadAgain() {
        String first = decoder.decode("shardId-0", List.of(record("again", "7", 0))).events().get(0).id();
        assertEquals(first, decoder.decode("shardId-0", List.of(record("again", "7", 0))).events().get(0).id());
        // the user records of one KPL aggregate share a sequence number
        assertNotEquals(first, decoder.decode("shardId-0", List.of(record("again", "7", 1))).events().get(0).id());
        assertNotEquals(first, decoder.decode("shardId-1", List.of(record("again", "7", 0))).events().get(0).id());
    }

    @Test
    void cloudWatchRecordsAreUnpackedAndControlMessagesSkipped() throws Exception {
        byte[] data = Files.readAllBytes(CloudWatchLogsDecoderTest.SAMPLES.resolve("cloudwatch-subscription.json.gz"));
        byte[] control = Files.readAllBytes(CloudWatchLogsDecoderTest.SAMPLES.resolve("cloudwatch-control.json.gz"));

        EventBatch batch = decoder.decode("shardId-0", List.of(record(control, "1"), record(data, "2")));

        assertEquals(2, batch.size());
        for (LogEvent event : batch) {
            assertEquals("/aws/eks/shop/cluster", event.text("aws.cloudwatch.log_group"));
            assertEquals("2", event.text("aws.kinesis.sequence_number"));
        }
    }

    @Test
    void compressedRecordThatIsNotCloudWatchIsKeptWithAMarker() throws Exception {
        byte[] data = CloudWatchLogsDecoderTest.gzip("{\"something\":\"else\"}");

        EventBatch batch = decoder.decode("shardId-0", List.of(record(data, "5")));

        assertEquals(1, batch.size());
        LogEvent event = batch.events().get(0);
        assertTrue(EventMarkers.has(event, EventMarkers.PARSE_FAILURE));
        assertTrue(event.text("error.message").contains("messageType"), event.text("error.message"));
        assertEquals(Base64.getEncoder().encodeToString(data), event.text("event.original"));
        assertNull(event.text("message"));
    }

    private static KinesisClientRecord record(String text, String sequenceNumber, long subSequenceNumber) {
        return KinesisClientRecord.builder().data(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)))
                .sequenceNumber(sequenceNumber).subSequenceNumber(subSequenceNumber)
                .partitionKey("key-" + sequenceNumber).approximateArrivalTimestamp(ARRIVAL).build();
    }

    private static KinesisClientRecord record(byte[] data, String sequenceNumber) {
        return KinesisClientRecord.builder().data(ByteBuffer.wrap(data)).sequenceNumber(sequenceNumber)
                .partitionKey("key-" + sequenceNumber).build();
    }
}
