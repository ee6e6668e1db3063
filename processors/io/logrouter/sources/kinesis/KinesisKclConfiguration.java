package io.logrouter.sources.kinesis;

import io.logrouter.aws.KinesisConnectionOptions;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import software.amazon.kinesis.common.InitialPositionInStream;

/**
 * The options of a {@code kinesis-kcl:} endpoint, for example
 * {@code kinesis-kcl:logs?applicationName=log-router&region=eu-west-1}; where Kinesis is and the keys are
 * {@link KinesisConnectionOptions}, and DynamoDB's endpoint, like Kinesis's, defaults to the regional AWS one.
 */
@UriParams
public class KinesisKclConfiguration extends KinesisConnectionOptions {

    @UriParam(defaultValue = "log-router", description = "The KCL application: names the DynamoDB lease table, and replicas with the same name share the shards")
    private String applicationName = "log-router";

    @UriParam(description = "DynamoDB endpoint override, for example http://127.0.0.1:8000 for DynamoDB Local")
    private String dynamoDbEndpoint;

    @UriParam(defaultValue = "TRIM_HORIZON", enums = "TRIM_HORIZON,LATEST", description = "Where a shard without a checkpoint is read from: its oldest record, or only records put from now on")
    private InitialPositionInStream initialPosition = InitialPositionInStream.TRIM_HORIZON;

    @UriParam(defaultValue = "1000", description = "The most records one GetRecords call returns, so the most records in one exchange")
    private int maxRecords = 1000;

    @UriParam(defaultValue = "1000", description = "Milliseconds between GetRecords calls on a shard (at least 200)")
    private long pollInterval = 1000;

    @UriParam(defaultValue = "10000", description = "Milliseconds without renewal after which another replica takes a shard's lease")
    private long failoverTime = 10_000;

    @UriParam(defaultValue = "60000", description = "Milliseconds between looks for new shards after a reshard; KCL also waits this long after the first look at start-up")
    private long shardSyncInterval = 60_000;

    @UriParam(defaultValue = "500", label = "retry", description = "Milliseconds before the first redelivery of a batch the route failed")
    private long retryDelay = 500;

    @UriParam(defaultValue = "30000", label = "retry", description = "The longest wait between redeliveries of a failed batch; they go on until it is delivered or the route stops")
    private long retryMaxDelay = 30_000;

    @UriParam(defaultValue = "33554432", description = "Compressed records that inflate beyond this many bytes are kept undecoded with a parse-failure marker")
    private long maxDecompressedBytes = 32 * 1024 * 1024;

    @UriParam(description = "This replica's KCL worker id; the host name and a random suffix when empty")
    @Metadata(label = "advanced")
    private String workerId;

    public String getApplicationName() {
        return applicationName;
    }

    public void setApplicationName(String applicationName) {
        this.applicationName = applicationName;
    }

    public String getDynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public void setDynamoDbEndpoint(String dynamoDbEndpoint) {
        this.dynamoDbEndpoint = dynamoDbEndpoint;
    }

    public InitialPositionInStream getInitialPosition() {
        return initialPosition;
    }

    public void setInitialPosition(InitialPositionInStream initialPosition) {
        this.initialPosition = initialPosition;
    }

    public int getMaxRecords() {
        return maxRecords;
    }

    public void setMaxRecords(int maxRecords) {
        this.maxRecords = maxRecords;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public long getFailoverTime() {
        return failoverTime;
    }

    public void setFailoverTime(long failoverTime) {
        this.failoverTime = failoverTime;
    }

    public long getShardSyncInterval() {
        return shardSyncInterval;
    }

    public void setShardSyncInterval(long shardSyncInterval) {
        this.shardSyncInterval = shardSyncInterval;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getMaxDecompressedBytes() {
        return maxDecompressedBytes;
    }

    public void setMaxDecompressedBytes(long maxDecompressedBytes) {
        this.maxDecompressedBytes = maxDecompressedBytes;
    }

    public String getWorkerId() {
        return workerId;
    }

    public void setWorkerId(String workerId) {
        this.workerId = workerId;
    }

    void validate() {
        if (applicationName == null || applicationName.isBlank()) {
            throw new IllegalArgumentException("kinesis-kcl: applicationName is required");
        }
        if (isSet(getAccessKey()) != isSet(getSecretKey())) {
            throw new IllegalArgumentException("kinesis-kcl: accessKey and secretKey go together");
        }
        if (initialPosition == InitialPositionInStream.AT_TIMESTAMP) {
            throw new IllegalArgumentException("kinesis-kcl: initialPosition must be TRIM_HORIZON or LATEST");
        }
        if (maxRecords < 1 || maxRecords > 10_000) {
            throw new IllegalArgumentException("kinesis-kcl: maxRecords must be between 1 and 10000");
        }
        if (pollInterval < 200) {
            throw new IllegalArgumentException("kinesis-kcl: pollInterval must be at least 200 ms (KCL's minimum)");
        }
        if (failoverTime < 1 || shardSyncInterval < 1 || retryDelay < 1 || retryMaxDelay < retryDelay
                || maxDecompressedBytes < 1) {
            throw new IllegalArgumentException("kinesis-kcl: failoverTime, shardSyncInterval, retryDelay and "
                    + "maxDecompressedBytes must be positive, and retryMaxDelay at least retryDelay");
        }
    }
}
