package io.logrouter.sinks.kinesis;

import org.apache.camel.component.aws2.kinesis.Kinesis2Configuration;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code kinesis-queue:} endpoint, for example
 * {@code kinesis-queue:logs?region=eu-west-1&partitionKeyField=kubernetes.pod.name}. Region, endpoint and keys have
 * the names and meaning of the {@code kinesis-kcl:} source's: empty, the AWS SDK's defaults apply (the region chain,
 * the regional endpoint, the default credentials chain: IRSA or Pod Identity on EKS).
 */
@UriParams
public class KinesisQueueConfiguration {

    @UriParam(description = "AWS region; the SDK's default region chain when empty")
    private String region;

    @UriParam(description = "Kinesis endpoint override, for example http://127.0.0.1:4567 for kinesis-mock")
    private String kinesisEndpoint;

    @UriParam(label = "security", secret = true, description = "Access key; the default credentials chain when empty")
    private String accessKey;

    @UriParam(label = "security", secret = true, description = "Secret key, with accessKey")
    private String secretKey;

    @UriParam(defaultValue = "service.name", description = "The event field whose value is the record's partition key, so one service's events stay in order on one shard; events without it are keyed by their id, which spreads them over the shards")
    private String partitionKeyField = "service.name";

    @UriParam(defaultValue = "30000", description = "Milliseconds a batch's records may be retried (throttled entries, unreachable Kinesis) before the exchange fails with SinkUnavailableException")
    private long retryBudgetMillis = 30_000;

    @UriParam(defaultValue = "direct:dead-letter", description = "Where events too big for a Kinesis record (1 MiB with the partition key) go, as a batch of dead-letter envelopes")
    private String deadLetterUri = "direct:dead-letter";

    /** The settings Camel's aws2-kinesis client factory builds the Kinesis client from. */
    Kinesis2Configuration clientConfiguration() {
        Kinesis2Configuration client = new Kinesis2Configuration();
        if (isSet(region)) {
            client.setRegion(region);
        }
        if (isSet(kinesisEndpoint)) {
            client.setOverrideEndpoint(true);
            client.setUriEndpointOverride(kinesisEndpoint);
        }
        if (isSet(accessKey)) {
            client.setAccessKey(accessKey);
            client.setSecretKey(secretKey);
        } else {
            client.setUseDefaultCredentialsProvider(true);
        }
        return client;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getKinesisEndpoint() {
        return kinesisEndpoint;
    }

    public void setKinesisEndpoint(String kinesisEndpoint) {
        this.kinesisEndpoint = kinesisEndpoint;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
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
