package io.logrouter.sources.kinesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logrouter.event.EventId;
import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Decodes what a CloudWatch Logs subscription filter writes into a Kinesis record: gzip-compressed JSON whose
 * {@code messageType} is DATA_MESSAGE (one log event per {@code logEvents} item) or CONTROL_MESSAGE (CloudWatch
 * checking that it can reach the stream, which carries no log and yields no event).
 */
public final class CloudWatchLogsDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxDecompressedBytes;

    /** @param maxDecompressedBytes refuses payloads that inflate beyond this, so a gzip bomb cannot exhaust memory */
    public CloudWatchLogsDecoder(long maxDecompressedBytes) {
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    /** Gzip's magic number: CloudWatch compresses every payload, producers of plain records rarely do. */
    public static boolean looksCompressed(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    /**
     * The log events of one payload, each with its log group, stream and account.
     *
     * @param fallbackIdentity identifies the payload's position for items without an {@code id}
     * @throws MalformedPayload when the data is not a CloudWatch Logs subscription payload
     */
    public List<LogEvent> decode(byte[] gzipped, String fallbackIdentity) throws MalformedPayload {
        JsonNode payload = read(gzipped);
        String messageType = payload.path("messageType").asText();
        if ("CONTROL_MESSAGE".equals(messageType)) {
            return List.of();
        }
        if (!"DATA_MESSAGE".equals(messageType)) {
            throw new MalformedPayload("messageType is neither DATA_MESSAGE nor CONTROL_MESSAGE: '" + messageType + "'");
        }
        JsonNode items = payload.path("logEvents");
        if (!items.isArray()) {
            throw new MalformedPayload("DATA_MESSAGE without a logEvents array");
        }
        String logGroup = payload.path("logGroup").asText();
        String logStream = payload.path("logStream").asText();
        String owner = payload.path("owner").asText();
        List<LogEvent> events = new ArrayList<>(items.size());
        int index = 0;
        for (JsonNode item : items) {
            String cloudWatchId = item.path("id").asText();
            // CloudWatch's own id survives its redeliveries, which may arrive in another record: it dedups where a
            // Kinesis position would not.
            String id = cloudWatchId.isEmpty()
                    ? EventId.ofPosition(fallbackIdentity, index)
                    : EventId.ofContent("cloudwatch:" + logGroup + ':' + logStream + ':' + cloudWatchId);
            LogEvent event = LogEvent.ofMessage(id, item.path("message").asText());
            if (item.path("timestamp").canConvertToLong()) {
                event.put(FieldPath.TIMESTAMP, Instant.ofEpochMilli(item.path("timestamp").asLong()).toString());
            }
            event.put("aws.cloudwatch.log_group", logGroup);
            event.put("aws.cloudwatch.log_stream", logStream);
            if (!cloudWatchId.isEmpty()) {
                event.put("aws.cloudwatch.id", cloudWatchId);
            }
            if (!owner.isEmpty()) {
                event.put("cloud.account.id", owner);
            }
            events.add(event);
            index++;
        }
        return events;
    }

    private JsonNode read(byte[] gzipped) throws MalformedPayload {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] json = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxDecompressedBytes + 1));
            if (json.length > maxDecompressedBytes) {
                throw new MalformedPayload("inflates beyond " + maxDecompressedBytes + " bytes");
            }
            JsonNode payload = JSON.readTree(json);
            if (payload == null || !payload.isObject()) {
                throw new MalformedPayload("not a JSON object");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new MalformedPayload("invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedPayload("cannot decompress: " + e.getMessage());
        }
    }

    /** Why a record that looked like a CloudWatch payload could not be decoded. */
    public static final class MalformedPayload extends Exception {
        public MalformedPayload(String message) {
            super(message);
        }
    }
}
