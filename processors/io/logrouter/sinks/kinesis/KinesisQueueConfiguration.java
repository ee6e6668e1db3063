package io.logrouter.sinks.kinesis;

import io.logrouter.aws.KinesisConnectionOptions;
import org.apache.camel.component.aws2.kinesis.Kinesis2Configuration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code kinesis-queue:} endpoint, for example
 * {@code kinesis-queue:logs?region=eu-west-1&partitionKeyField=kubernetes.pod.name}; where Kinesis is and the keys
 * are {@link KinesisConnectionOptions}, shared with the {@code kinesis-kcl:} source.
 */
@UriParams
public class KinesisQueueConfiguration extends KinesisConnectionOptions {

    @UriParam(defaultValue = "service.name", description = "The event field whose value is the record's partition key, so one service's events stay in order on one shard; events without it are keyed by their id, which spreads them over the shards")
    private String partitionKeyField = "service.name";

    @UriParam(defaultValue = "30000", label = "retry", description = "Milliseconds a batch's records may be retried (throttled entries, unreachable Kinesis) before the exchange fails with SinkUnavailableException")
    private long retryBudgetMillis = 30_000;

    @UriParam(defaultValue = "direct:dead-letter", description = "Where events too big for a Kinesis record (1 MiB with the partition key) go, as a batch of dead-letter envelopes")
    private String deadLetterUri = "direct:dead-letter";

    /** The settings Camel's aws2-kinesis client factory builds the Kinesis client from. */
    Kinesis2Configuration clientConfiguration() {
        Kinesis2Configuration client = new Kinesis2Configuration();
        if (isSet(getRegion())) {
            client.setRegion(getRegion());
        }
        if (isSet(getKinesisEndpoint())) {
            client.setOverrideEndpoint(true);
            client.setUriEndpointOverride(getKinesisEndpoint());
        }
        if (isSet(getAccessKey())) {
            client.setAccessKey(getAccessKey());
            client.setSecretKey(getSecretKey());
        } else {
            client.setUseDefaultCredentialsProvider(true);
        }
        return client;
    }

    public String getPartitionKeyField() {
        return partitionKeyField;
    }

    public void setPartitionKeyField(String partitionKeyField) {
        this.partitionKeyField = partitionKeyField;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    public long getRetryBudgetMillis() {
        return retryBudgetMillis;
    }

    public void setRetryBudgetMillis(long retryBudgetMillis) {
        this.retryBudgetMillis = retryBudgetMillis;
    }
}
