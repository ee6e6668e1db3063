package io.logrouter.sinks.s3;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import io.logrouter.sinks.RetryBackoff;
import io.logrouter.sinks.SinkMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Archives the batch in the body: splits it by partition, writes each partition's events as gzip NDJSON objects
 * (one, or several past {@code maxObjectBytes}) and stores them before the exchange completes, so the source
 * acknowledges only what S3 holds. Nothing is buffered across batches: how many events and how much time an object
 * covers is set by the source's batch bounds, and its size by {@code maxObjectBytes}.
 *
 * <p>Object names hash the ids of the events inside, so a batch delivered again after a failure (part of its
 * objects may already be stored) overwrites the same keys and leaves no duplicates.
 */
public class S3ArchiveProducer extends DefaultProducer {

    private static final Logger LOG = LoggerFactory.getLogger(S3ArchiveProducer.class);
    private static final String STAGE = "s3";
    private static final String SUFFIX = ".ndjson.gz";
    private static final long RETRY_INITIAL_MILLIS = 200;
    private static final long RETRY_MAX_MILLIS = 5_000;

    private final S3ArchiveConfiguration configuration;
    private final PartitionKey partitionKey;
    private final NdjsonGzipWriter writer;
    private final S3ObjectStore store;
    private final SinkMetrics metrics;

    public S3ArchiveProducer(S3ArchiveEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.partitionKey = new PartitionKey(configuration.getPartition());
        this.writer = new NdjsonGzipWriter(configuration.getIdField(), configuration.getMaxObjectBytes());
        this.store = new S3ObjectStore(endpoint.getCamelContext(), endpoint.getBucket(),
                endpoint.getComponent().s3Configuration(configuration));
        this.metrics = new SinkMetrics(STAGE, endpoint.getBucket());
    }

    @Override
    protected void doStop() throws Exception {
        store.stop();
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        EventBatch batch = exchange.getMessage().getMandatoryBody(EventBatch.class);
        RetryBackoff backoff = new RetryBackoff(RETRY_INITIAL_MILLIS, RETRY_MAX_MILLIS,
                configuration.getRetryBudgetMillis());
        for (Map.Entry<String, List<LogEvent>> partition : byPartition(batch).entrySet()) {
            for (ArchiveObject object : writer.write(partition.getValue())) {
                String key = key(partition.getKey(), object);
                long start = System.nanoTime();
                store(key, object, backoff);
                metrics.request(object.eventCount(), object.content().length, System.nanoTime() - start);
                metrics.written(object.eventCount());
                LOG.debug("Stored {}: {} events, {} bytes (route {})", key, object.eventCount(),
                        object.content().length, exchange.getFromRouteId());
            }
            batch.settle(partition.getValue());
        }
        metrics.acknowledged(batch);
    }

    private Map<String, List<LogEvent>> byPartition(EventBatch batch) {
        Map<String, List<LogEvent>> partitions = new LinkedHashMap<>();
        for (LogEvent event : batch) {
            partitions.computeIfAbsent(partitionKey.of(event), partition -> new ArrayList<>()).add(event);
        }
        return partitions;
    }

    private String key(String partition, ArchiveObject object) {
        String path = partition + '/' + object.name() + SUFFIX;
        return configuration.getPrefix().isEmpty() ? path : configuration.getPrefix() + '/' + path;
    }

    private void store(String key, ArchiveObject object, RetryBackoff backoff) throws Exception {
        while (true) {
            try {
                store.put(key, object.content());
                return;
            } catch (SdkClientException | AwsServiceException e) {
                if (!retryable(e)) {
                    throw e;
                }
                if (!backoff.awaitNextAttempt()) {
                    throw new SinkUnavailableException("S3 unavailable after " + backoff.attempts()
                            + " retries, storing " + key + ": " + e.getMessage(), e);
                }
                LOG.debug("Retrying {} after {}", key, e.getMessage());
            }
        }
    }

    /** Network failures, throttling and server errors pass; a refusal (403, 404 bucket) needs a person, not a retry. */
    private static boolean retryable(RuntimeException e) {
        if (e instanceof AwsServiceException service) {
            return service.statusCode() == 429 || service.statusCode() >= 500;
        }
        return true;
    }
}
