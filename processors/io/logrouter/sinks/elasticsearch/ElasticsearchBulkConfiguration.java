package io.logrouter.sinks.elasticsearch;

/** Per-endpoint options of {@code elasticsearch-bulk:name?index=...}. */
public class ElasticsearchBulkConfiguration {

    private String index = "logs-{yyyy.MM.dd}";
    private String opType = "index";
    private String deadLetterUri = "direct:dead-letter";
    private long retryInitialMillis = 100;
    private long retryMaxMillis = 5_000;
    private long retryBudgetMillis = 30_000;

    public String getIndex() {
        return index;
    }

    /** Index or data stream name, a template over event fields and {@code @timestamp}. */
    public void setIndex(String index) {
        this.index = index;
    }

    public String getOpType() {
        return opType;
    }

    /** {@code index} (overwrite by id) or {@code create} (required by data streams). */
    public void setOpType(String opType) {
        if (!"index".equals(opType) && !"create".equals(opType)) {
            throw new IllegalArgumentException("opType must be index or create, not " + opType);
        }
        this.opType = opType;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

    /** Where events that Elasticsearch rejects for good (mapping conflicts) go, as a batch of envelopes. */
    public void setDeadLetterUri(String deadLetterUri) {
        this.deadLetterUri = deadLetterUri;
    }

    public long getRetryInitialMillis() {
        return retryInitialMillis;
    }

    public void setRetryInitialMillis(long retryInitialMillis) {
        this.retryInitialMillis = retryInitialMillis;
    }

    public long getRetryMaxMillis() {
        return retryMaxMillis;
    }

    public void setRetryMaxMillis(long retryMaxMillis) {
        this.retryMaxMillis = retryMaxMillis;
    }

    public long getRetryBudgetMillis() {
        return retryBudgetMillis;
    }

    /** How long one batch may be retried before the exchange fails and the source re-delivers it later. */
    public void setRetryBudgetMillis(long retryBudgetMillis) {
        this.retryBudgetMillis = retryBudgetMillis;
    }
}
