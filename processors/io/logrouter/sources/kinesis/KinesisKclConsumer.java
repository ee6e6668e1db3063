package io.logrouter.sources.kinesis;

import io.logrouter.aws.KinesisConnectionOptions;
import io.logrouter.event.EventBatch;
import io.logrouter.sources.SettledBatch;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.SingleStreamTracker;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * Runs a KCL scheduler for the stream: leases in DynamoDB share the shards among the replicas of one application,
 * new shards after a reshard are picked up after their parents, and each shard resumes after its checkpoint.
 *
 * <p>Camel's own KCL consumer ({@code aws2-kinesis} with {@code useKclConsumers}) sends one exchange per record and
 * checkpoints on shutdown whatever was received, delivered or not; this one sends a batch per GetRecords result and
 * checkpoints only delivered batches (see {@link ShardBatchProcessor}).
 */
public class KinesisKclConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisKclConsumer.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 30;

    private final KinesisKclConfiguration configuration;
    private final String streamName;
    private KclClients clients;
    private Scheduler scheduler;
    private ExecutorService executor;
    private volatile CountDownLatch stopRequested = new CountDownLatch(1);

    public KinesisKclConsumer(KinesisKclEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.streamName = endpoint.getStreamName();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        stopRequested = new CountDownLatch(1);
        clients = new KclClients(configuration);
        KinesisRecordDecoder decoder = new KinesisRecordDecoder(streamName,
                new CloudWatchLogsDecoder(configuration.getMaxDecompressedBytes()));
        SingleStreamTracker stream = new SingleStreamTracker(streamName,
                InitialPositionInStreamExtended.newInitialPosition(configuration.getInitialPosition()));
        ConfigsBuilder configs = new ConfigsBuilder(stream, configuration.getApplicationName(), clients.kinesis,
                clients.dynamoDb, clients.cloudWatch, workerId(),
                () -> new ShardBatchProcessor(this, decoder, configuration));
        scheduler = new Scheduler(
                configs.checkpointConfig(),
                configs.coordinatorConfig(),
                configs.leaseManagementConfig()
                        .failoverTimeMillis(configuration.getFailoverTime())
                        .shardSyncIntervalMillis(configuration.getShardSyncInterval()),
                configs.lifecycleConfig(),
                // the router exposes its own metrics; KCL's would go to CloudWatch
                configs.metricsConfig().metricsLevel(MetricsLevel.NONE).metricsFactory(new NullMetricsFactory()),
                configs.processorConfig(),
                configs.retrievalConfig().retrievalSpecificConfig(new PollingConfig(streamName, clients.kinesis)
                        .maxRecords(configuration.getMaxRecords())
                        .idleTimeBetweenReadsInMillis(configuration.getPollInterval())));
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadExecutor(this, "kinesis-kcl:" + streamName);
        Scheduler running = scheduler;
        CountDownLatch stop = stopRequested;
        executor.execute(() -> {
            running.run();
            // KCL gives up after its initialization attempts (no stream, no lease table) and only logs why
            if (stop.getCount() > 0) {
                LOG.error("KCL stopped reading stream {} on its own (see its errors above); the route reads nothing "
                        + "more until it is restarted", streamName);
            }
        });
        LOG.info("Reading Kinesis stream {} as application {} (worker {})", streamName,
                configuration.getApplicationName(), scheduler.leaseManagementConfig().workerIdentifier());
    }

    @Override
    protected void doStop() throws Exception {
        requestStop();
        if (scheduler != null) {
            try {
                // waits for the batches in flight, which give up their retries now that the stop is requested
                scheduler.startGracefulShutdown().get(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("KCL did not shut down gracefully within {} s, stopping it: {}", SHUTDOWN_TIMEOUT_SECONDS,
                        e.toString());
                scheduler.shutdown();
            }
            scheduler = null;
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
        if (clients != null) {
            clients.close();
            clients = null;
        }
        super.doStop();
    }

    /**
     * Sends one batch through the route; true when the sinks settled every event ({@link SettledBatch}). An exception,
     * even one the route handled itself, means not delivered.
     */
    boolean deliver(EventBatch batch) {
        Exchange exchange = createExchange(false);
        exchange.getMessage().setBody(batch);
        SettledBatch.track(exchange, "kinesis", batch);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Exception failure = exchange.getException();
        boolean delivered = SettledBatch.isSettled(exchange);
        if (!delivered) {
            LOG.warn("Delivery of {} events from stream {} failed; delivering them again: {}", batch.size(),
                    streamName, failure == null ? "rolled back or not settled" : failure.toString());
        }
        releaseExchange(exchange, false);
        return delivered;
    }

    /** Makes the shards' processors give up the batches they are redelivering. */
    void requestStop() {
        stopRequested.countDown();
    }

    /** Waits up to {@code millis} for the consumer to stop; true when it is stopping. */
    boolean awaitStop(long millis) {
        try {
            return stopRequested.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private String workerId() {
        if (KinesisConnectionOptions.isSet(configuration.getWorkerId())) {
            return configuration.getWorkerId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        // a restarted replica must not pass for the one whose leases are still running out
        return host + ':' + UUID.randomUUID();
    }
}
