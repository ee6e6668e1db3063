package io.logrouter.sinks.kinesis;

import io.logrouter.event.DeadLetterEnvelope;
import io.logrouter.event.EventBatch;
import io.logrouter.event.EventEnvelope;
import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import io.logrouter.sinks.RetryBackoff;
import io.logrouter.sinks.SinkMetrics;
import io.logrouter.sinks.deadletter.DeadLetterHandOff;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.aws2.kinesis.client.KinesisClientFactory;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts the batch in the body into the stream, one record per event, in PutRecords calls within Kinesis's limits
 * (500 records, 5 MiB). PutRecords succeeds as a whole while single entries fail (throttled shards, internal
 * failures); those entries, and every entry of a call that failed whole, are put again with backoff within the retry
 * budget. The exchange completes once Kinesis accepted every record, and fails with
 * {@link SinkUnavailableException} when the budget runs out, so the source acknowledges nothing and delivers the
 * batch again: records already accepted are then put twice, and the aggregator's writes under the envelope's id make
 * the second copy an overwrite.
 *
 * <p>An event whose record would pass Kinesis's 1 MiB limit is sent to {@code deadLetterUri} with the reason: put
 * in a call, it would make Kinesis refuse the whole call, and the batch would never be acknowledged.
 *
 * <p>A retried entry lands after the accepted ones that followed it: within a shard, order holds only between
 * events that were accepted in the same round.
 */
public class KinesisQueueProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisQueueProducer.class);
    static final String STAGE = "kinesis-queue";
    static final int MAX_RECORDS_PER_CALL = 500;
    static final int MAX_BYTES_PER_CALL = 5 * 1024 * 1024;
    static final int MAX_BYTES_PER_RECORD = 1024 * 1024;
    /** Kinesis counts a partition key in characters and refuses longer ones. */
    private static final int MAX_PARTITION_KEY_CHARS = 256;
    private static final long RETRY_INITIAL_MILLIS = 100;
    private static final long RETRY_MAX_MILLIS = 5_000;

    private final String streamName;
    private final KinesisQueueConfiguration configuration;
    private final SinkMetrics metrics;
    private KinesisClient client;
    private ProducerTemplate deadLetter;

    public KinesisQueueProducer(KinesisQueueEndpoint endpoint) {
        super(endpoint);
        this.streamName = endpoint.getStreamName();
        this.configuration = endpoint.getConfiguration();
        this.metrics = new SinkMetrics(STAGE, streamName);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Camel's aws2-kinesis factory: region, endpoint override, static keys or the default credentials chain,
        // over the SDK's Apache HTTP client, which speaks plain HTTP/1.1 to kinesis-mock as well
        client = KinesisClientFactory.getKinesisClient(configuration.clientConfiguration());
        deadLetter = getEndpoint().getCamelContext().createProducerTemplate();
    }

    @Override
    protected void doStop() throws Exception {
        if (deadLetter != null) {
            deadLetter.stop();
        }
        if (client != null) {
            client.close();
            client = null;
        }
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        EventBatch batch = exchange.getMessage().getMandatoryBody(EventBatch.class);
        List<PutRecordsRequestEntry> pending = new ArrayList<>(batch.size());
        List<LogEvent> tooBig = new ArrayList<>();
        List<LogEvent> queued = new ArrayList<>(batch.size());
        for (LogEvent event : batch) {
            PutRecordsRequestEntry record = record(event);
            if (size(record) > MAX_BYTES_PER_RECORD) {
                tooBig.add(batch.settlement().standIn(event, DeadLetterEnvelope.wrap(event, STAGE, "record of "
                        + size(record) + " bytes is over Kinesis's limit of " + MAX_BYTES_PER_RECORD,
                        exchange.getFromRouteId())));
            } else {
                pending.add(record);
                queued.add(event);
            }
        }
        if (!tooBig.isEmpty()) {
            sendToDeadLetter(exchange, batch.part(tooBig));
        }
        RetryBackoff backoff = new RetryBackoff(RETRY_INITIAL_MILLIS, RETRY_MAX_MILLIS,
                configuration.getRetryBudgetMillis());
        while (!pending.isEmpty()) {
            Round round = putAll(pending);
            if (round.retry().isEmpty()) {
                break;
            }
            metrics.retried(round.retry().size());
            if (!backoff.awaitNextAttempt()) {
                throw new SinkUnavailableException("Kinesis stream " + streamName + " did not accept "
                        + round.retry().size() + " of " + batch.size() + " records after " + backoff.attempts()
                        + " retries: " + round.reason(), round.failure());
            }
            LOG.debug("Putting {} records into {} again: {} (route {})", round.retry().size(), streamName,
                    round.reason(), exchange.getFromRouteId());
            pending = round.retry();
        }
        batch.settle(queued);
        metrics.acknowledged(batch);
    }

    private void sendToDeadLetter(Exchange exchange, EventBatch tooBig) throws Exception {
        DeadLetterHandOff.send(deadLetter, configuration.getDeadLetterUri(), tooBig);
        metrics.deadLettered(tooBig.size());
        LOG.warn("{} events too big for a Kinesis record sent to {} (route {})", tooBig.size(),
                configuration.getDeadLetterUri(), exchange.getFromRouteId());
    }

    private PutRecordsRequestEntry record(LogEvent event) {
        String key = event.text(configuration.getPartitionKeyField());
        if (key == null || key.isEmpty()) {
            key = event.id();
        } else if (key.length() > MAX_PARTITION_KEY_CHARS) {
            key = key.substring(0, MAX_PARTITION_KEY_CHARS);
        }
        return PutRecordsRequestEntry.builder().partitionKey(key)
                .data(SdkBytes.fromUtf8String(EventEnvelope.wrap(event).toString())).build();
    }

    /** What one pass over the pending records left to put again, and the last reason. */
    private record Round(List<PutRecordsRequestEntry> retry, String reason, Exception failure) {
    }

    private Round putAll(List<PutRecordsRequestEntry> pending) {
        List<PutRecordsRequestEntry> retry = new ArrayList<>();
        String reason = null;
        Exception failure = null;
        for (List<PutRecordsRequestEntry> call : calls(pending)) {
            try {
                String refused = put(call, retry);
                if (refused != null) {
                    reason = refused;
                }
            } catch (SdkClientException | AwsServiceException e) {
                if (!retryable(e)) {
                    throw e;
                }
                metrics.requestFailed();
                retry.addAll(call);
                reason = e.getMessage();
                failure = e;
            }
        }
        return new Round(retry, reason, failure);
    }

    /** Puts one call's records; adds the entries Kinesis refused to {@code retry} and returns the last refusal. */
    private String put(List<PutRecordsRequestEntry> call, List<PutRecordsRequestEntry> retry) {
        long start = System.nanoTime();
        PutRecordsResponse response = client.putRecords(r -> r.streamName(streamName).records(call));
        metrics.request(call.size(), bytes(call), System.nanoTime() - start);
        int refusedBefore = retry.size();
        String refusal = refused(call, response, retry);
        metrics.written(call.size() - (retry.size() - refusedBefore));
        return refusal;
    }

    /**
     * Adds the entries of {@code call} that the answer marks as failed to {@code retry}, in order: PutRecords
     * answers 200 even when it took only some. Returns the last failure's code and message, null when there is none.
     */
    static String refused(List<PutRecordsRequestEntry> call, PutRecordsResponse response,
            List<PutRecordsRequestEntry> retry) {
        if (response.failedRecordCount() == null || response.failedRecordCount() == 0) {
            return null;
        }
        String refusal = null;
        List<PutRecordsResultEntry> results = response.records();
        for (int i = 0; i < call.size(); i++) {
            PutRecordsResultEntry result = results.get(i);
            if (result.errorCode() != null) {
                retry.add(call.get(i));
                refusal = result.errorCode() + ": " + result.errorMessage();
            }
        }
        return refusal;
    }

    /** Splits the records into PutRecords calls within Kinesis's count and size limits, in order. */
    static List<List<PutRecordsRequestEntry>> calls(List<PutRecordsRequestEntry> records) {
        List<List<PutRecordsRequestEntry>> calls = new ArrayList<>();
        List<PutRecordsRequestEntry> call = new ArrayList<>();
        long callBytes = 0;
        for (PutRecordsRequestEntry record : records) {
            long size = size(record);
            if (!call.isEmpty() && (call.size() == MAX_RECORDS_PER_CALL || callBytes + size > MAX_BYTES_PER_CALL)) {
                calls.add(call);
                call = new ArrayList<>();
                callBytes = 0;
            }
            call.add(record);
            callBytes += size;
        }
        if (!call.isEmpty()) {
            calls.add(call);
        }
        return calls;
    }

    /** What Kinesis counts against its limits: the data and the partition key's UTF-8 bytes. */
    private static long size(PutRecordsRequestEntry record) {
        return record.data().asByteArrayUnsafe().length
                + (long) record.partitionKey().getBytes(StandardCharsets.UTF_8).length;
    }

    private static int bytes(List<PutRecordsRequestEntry> call) {
        long total = 0;
        for (PutRecordsRequestEntry record : call) {
            total += size(record);
        }
        return (int) total;
    }

    /**
     * Network failures, throttling of the whole call and server errors pass; a refusal (missing stream, access
     * denied, invalid request) needs a person, and fails the exchange at once.
     */
    private static boolean retryable(RuntimeException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return true;
    }
}
