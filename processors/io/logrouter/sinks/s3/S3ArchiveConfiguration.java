package io.logrouter.sinks.s3;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Per-endpoint options of {@code s3-archive:bucket?prefix=...}: where objects go, how big they get, retries. */
@UriParams
public class S3ArchiveConfiguration {

    @UriParam(defaultValue = "logs", description = "The key prefix before the partition, such as logs or archive/prod; empty for none")
    private String prefix = "logs";
    @UriParam(defaultValue = "service={service.name}/dt={yyyy-MM-dd}/hour={HH}", description = "The partition path, a template over event fields and the event time (UTC)")
    private String partition = "service={service.name}/dt={yyyy-MM-dd}/hour={HH}";
    @UriParam(defaultValue = "_id", description = "The field each line carries the event id in, for de-duplicating queries; empty to leave it out")
    private String idField = "_id";
    @UriParam(defaultValue = "67108864", description = "The compressed size at which a partition's events of one batch continue in a further object")
    private long maxObjectBytes = 64L * 1024 * 1024;
    @UriParam(defaultValue = "16777216", description = "Objects of at least this size are uploaded in parts of this size (multipart upload); AWS S3 wants at least 5 MiB per part")
    private long partSize = 16L * 1024 * 1024;
    @UriParam(defaultValue = "false", description = "Create the bucket when it does not exist: for local S3-compatible stores; on AWS the bucket is provisioned")
    private boolean autoCreateBucket;
    @UriParam(defaultValue = "30000", label = "retry", description = "Milliseconds one batch may be retried before the exchange fails and the source delivers it again later")
    private long retryBudgetMillis = 30_000;

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    }

    public String getPartition() {
        return partition;
    }

    /** The template's placeholders are {@link PartitionKey}'s. */
    public void setPartition(String partition) {
        this.partition = partition;
    }

    public String getIdField() {
        return idField;
    }

    public void setIdField(String idField) {
        this.idField = idField;
    }

    public long getMaxObjectBytes() {
        return maxObjectBytes;
    }

    public void setMaxObjectBytes(long maxObjectBytes) {
        this.maxObjectBytes = maxObjectBytes;
    }

    public long getPartSize() {
        return partSize;
    }

    public void setPartSize(long partSize) {
        this.partSize = partSize;
    }

    public boolean isAutoCreateBucket() {
        return autoCreateBucket;
    }

    public void setAutoCreateBucket(boolean autoCreateBucket) {
        this.autoCreateBucket = autoCreateBucket;
    }

    public long getRetryBudgetMillis() {
        return retryBudgetMillis;
    }

    public void setRetryBudgetMillis(long retryBudgetMillis) {
        this.retryBudgetMillis = retryBudgetMillis;
    }
}
