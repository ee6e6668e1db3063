package io.logrouter.sinks.s3;

/** Per-endpoint options of {@code s3-archive:bucket?prefix=...}: where objects go, how big they get, retries. */
public class S3ArchiveConfiguration {

    private String prefix = "logs";
    private String partition = "service={service.name}/dt={yyyy-MM-dd}/hour={HH}";
    private String idField = "_id";
    private long maxObjectBytes = 64L * 1024 * 1024;
    private long partSize = 16L * 1024 * 1024;
    private boolean autoCreateBucket;
    private long retryBudgetMillis = 30_000;

    public String getPrefix() {
        return prefix;
    }

    /** The key prefix before the partition, such as {@code logs} or {@code archive/prod}; empty for none. */
    public void setPrefix(String prefix) {
        this.prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    }

    public String getPartition() {
        return partition;
    }

    /** The partition path, a template over event fields and {@code @timestamp} (UTC); see {@link PartitionKey}. */
    public void setPartition(String partition) {
        this.partition = partition;
    }

    public String getIdField() {
        return idField;
    }

    /** The field each line carries the event id in, for de-duplicating queries; empty to leave it out. */
    public void setIdField(String idField) {
        this.idField = idField;
    }

    public long getMaxObjectBytes() {
        return maxObjectBytes;
    }

    /** The compressed size at which a partition's events of one batch continue in a further object. */
    public void setMaxObjectBytes(long maxObjectBytes) {
        this.maxObjectBytes = maxObjectBytes;
    }

    public long getPartSize() {
        return partSize;
    }

    /**
     * Objects of at least this size are uploaded in parts of this size (multipart upload). AWS S3 wants at least
     * 5 MiB per part.
     */
    public void setPartSize(long partSize) {
        this.partSize = partSize;
    }

    public boolean isAutoCreateBucket() {
        return autoCreateBucket;
    }

    /** Create the bucket when it does not exist: for local S3-compatible stores; on AWS the bucket is provisioned. */
    public void setAutoCreateBucket(boolean autoCreateBucket) {
        this.autoCreateBucket = autoCreateBucket;
    }

    public long getRetryBudgetMillis() {
        return retryBudgetMillis;
    }

    /** How long one batch may be retried before the exchange fails and the source re-delivers it later. */
    public void setRetryBudgetMillis(long retryBudgetMillis) {
        this.retryBudgetMillis = retryBudgetMillis;
    }
}
