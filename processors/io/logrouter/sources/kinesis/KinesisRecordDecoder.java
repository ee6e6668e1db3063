package io.logrouter.sources.kinesis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventId;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * Turns the records one shard delivered into events: a CloudWatch Logs subscription payload into its log events, any
 * other record into one event whose {@code message} is the record's text (JSON is left to the route's parser) and
 * whose {@code @timestamp} is the record's arrival time in the stream. Ids
 * derive from the record's position, so a record read again after a restart overwrites its earlier copy.
 */
public final class KinesisRecordDecoder {

    private final String streamName;
    private final CloudWatchLogsDecoder cloudWatch;

    public KinesisRecordDecoder(String streamName, CloudWatchLogsDecoder cloudWatch) {
        this.streamName = streamName;
        this.cloudWatch = cloudWatch;
    }

    public EventBatch decode(String shardId, List<KinesisClientRecord> records) {
        EventBatch batch = new EventBatch();
        for (KinesisClientRecord record : records) {
            byte[] data = new byte[record.data().remaining()];
            record.data().duplicate().get(data);
            // a KPL-aggregated record becomes several user records sharing a sequence number
            String position = streamName + '/' + shardId + '/' + record.sequenceNumber() + '/'
                    + record.subSequenceNumber();
            for (LogEvent event : decode(data, position, record)) {
                event.put("aws.kinesis.stream", streamName);
                event.put("aws.kinesis.shard_id", shardId);
                event.put("aws.kinesis.sequence_number", record.sequenceNumber());
                if (record.partitionKey() != null) {
                    event.put("aws.kinesis.partition_key", record.partitionKey());
                }
                batch.add(event);
            }
        }
        return batch;
    }

    private List<LogEvent> decode(byte[] data, String position, KinesisClientRecord record) {
        if (!CloudWatchLogsDecoder.looksCompressed(data)) {
            LogEvent event = LogEvent.ofMessage(EventId.ofPosition(position, 0), new String(data, StandardCharsets.UTF_8));
            // the arrival time stands in for records without a time of their own (the route's timestamp parser
            // lists @timestamp last)
            if (record.approximateArrivalTimestamp() != null) {
                event.put(FieldPath.TIMESTAMP, record.approximateArrivalTimestamp().toString());
            }
            return List.of(event);
        }
        try {
            return cloudWatch.decode(data, position);
        } catch (CloudWatchLogsDecoder.MalformedPayload e) {
            // kept, not dropped: the raw bytes travel in base64 with the reason. Without a message, the route's
            // parsers leave the event alone and the reason stands.
            LogEvent event = new LogEvent(EventId.ofPosition(position, 0), JsonNodeFactory.instance.objectNode());
            event.put("event.original", Base64.getEncoder().encodeToString(data));
            EventMarkers.mark(event, EventMarkers.PARSE_FAILURE, "compressed record is not a CloudWatch Logs payload: "
                    + e.getMessage());
            return List.of(event);
        }
    }
}
