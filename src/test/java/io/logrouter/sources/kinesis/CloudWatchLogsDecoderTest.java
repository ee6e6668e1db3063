package io.logrouter.sources.kinesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.LogEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CloudWatchLogsDecoderTest {

    static final Path SAMPLES = Path.of("..", "shared", "data", "samples");

    private final CloudWatchLogsDecoder decoder = new CloudWatchLogsDecoder(1024 * 1024);

    @Test
    void dataMessageBecomesOneEventPerLogEvent() throws Exception {
        byte[] sample = Files.readAllBytes(SAMPLES.resolve("cloudwatch-subscription.json.gz"));
        assertTrue(CloudWatchLogsDecoder.looksCompressed(sample));

        List<LogEvent> events = decoder.decode(sample, "s/shard-0/1/0");

        assertEquals(2, events.size());
        LogEvent first = events.get(0);
        assertEquals("{\"kind\":\"Event\",\"level\":\"Metadata\",\"verb\":\"get\",\"user\":{\"username\":"
                + "\"system:serviceaccount:shop:checkout\"}}", first.text("message"));
        assertEquals("2026-11-24T10:00:00Z", first.text("@timestamp"));
        assertEquals("/aws/eks/shop/cluster", first.text("aws.cloudwatch.log_group"));
        assertEquals("kube-apiserver-audit-0a1b2c", first.text("aws.cloudwatch.log_stream"));
        assertEquals("123456789012", first.text("cloud.account.id"));
        assertEquals("37600000000000000000000000000000000000000000000000000000", first.text("aws.cloudwatch.id"));
        assertEquals("plain text event from CloudWatch", events.get(1).text("message"));
        assertEquals("2026-11-24T10:00:01Z", events.get(1).text("@timestamp"));
        assertNotEquals(first.id(), events.get(1).id());
    }

    @Test
    void idsComeFromCloudWatchNotFromTheRecordPosition() throws Exception {
        byte[] sample = Files.readAllBytes(SAMPLES.resolve("cloudwatch-subscription.json.gz"));
        // CloudWatch may deliver the same log event again in another record: it must overwrite, not duplicate
        assertEquals(decoder.decode(sample, "s/shard-0/1/0").get(0).id(),
                decoder.decode(sample, "s/shard-1/9/0").get(0).id());
    }

    @Test
    void controlMessageYieldsNoEvent() throws Exception {
        byte[] sample = Files.readAllBytes(SAMPLES.resolve("cloudwatch-control.json.gz"));
        assertEquals(List.of(), decoder.decode(sample, "s/shard-0/2/0"));
    }

    @Test
    void itemsWithoutIdGetPositionIds() throws Exception {
        byte[] payload = gzip("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"g\",\"logStream\":\"s\","
                + "\"logEvents\":[{\"timestamp\":1,\"message\":\"a\"},{\"timestamp\":2,\"message\":\"b\"}]}");
        List<LogEvent> events = decoder.decode(payload, "s/shard-0/3/0");
        assertEquals(2, events.size());
        assertNotEquals(events.get(0).id(), events.get(1).id());
        assertEquals(events.get(1).id(), decoder.decode(payload, "s/shard-0/3/0").get(1).id());
    }

    @Test
    void refusesWhatIsNotASubscriptionPayload() throws Exception {
        assertThrows(CloudWatchLogsDecoder.MalformedPayload.class, () -> decoder.decode(gzip("not json"), "p"));
        assertThrows(CloudWatchLogsDecoder.MalformedPayload.class, () -> decoder.decode(gzip("[1,2]"), "p"));
        assertThrows(CloudWatchLogsDecoder.MalformedPayload.class,
                () -> decoder.decode(gzip("{\"messageType\":\"OTHER\"}"), "p"));
        assertThrows(CloudWatchLogsDecoder.MalformedPayload.class,
                () -> decoder.decode(gzip("{\"messageType\":\"DATA_MESSAGE\"}"), "p"));
        assertThrows(CloudWatchLogsDecoder.MalformedPayload.class,
                () -> decoder.decode(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}, "p"));
    }

    @Test
    void refusesPayloadsThatInflateBeyondTheLimit() throws Exception {
        String big = "{\"messageType\":\"DATA_MESSAGE\",\"logEvents\":[{\"message\":\"" + "x".repeat(2000) + "\"}]}";
        CloudWatchLogsDecoder small = new CloudWatchLogsDecoder(1000);
        var failure = assertThrows(CloudWatchLogsDecoder.MalformedPayload.class, () -> small.decode(gzip(big), "p"));
        assertTrue(failure.getMessage().contains("1000"), failure.getMessage());
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
