package io.logrouter.sinks.elasticsearch;

/**
 * Per-endpoint options of {@code elasticsearch-bulk:name?index=...}. A request is bounded by events and bytes but not
 * by time: the sink sends a batch as soon as it gets it, so the time bound is the source's batching linger.
 */
public class ElasticsearchBulkConfiguration {

    private String index = "logs-{yyyy.MM.dd}";
    private String opType = "index";
    private String deadLetterUri = "direct:dead-letter";
    private long retryInitialMillis = 100;
    private long retryMaxMillis = 5_000;
    private long retryBudgetMillis = 30_000;
    private int maxBulkEvents = 1_000;
    private long maxBulkBytes = 5L * 1024 * 1024;
    private int maxInFlight = 2;
    private String templateFile;
    private String templateName;

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

    public int getMaxBulkEvents() {
        return maxBulkEvents;
    }

    /** The most events in one {@code _bulk} request; a bigger batch is sent as several requests. */
    public void setMaxBulkEvents(int maxBulkEvents) {
        this.maxBulkEvents = maxBulkEvents;
    }

    public long getMaxBulkBytes() {
        return maxBulkBytes;
    }

    /** The most bytes in one {@code _bulk} body (Elasticsearch advises a few MB; its hard limit is 100 MB). */
    public void setMaxBulkBytes(long maxBulkBytes) {
        this.maxBulkBytes = maxBulkBytes;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    /** How many {@code _bulk} requests of this endpoint may await their answer at once. */
    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public String getTemplateFile() {
        return templateFile;
    }

    /** An index template (JSON of {@code PUT _index_template}) to install before the first batch is written. */
    public void setTemplateFile(String templateFile) {
        this.templateFile = templateFile;
    }

    public String getTemplateName() {
        return templateName;
    }

    /** The installed template's name; by default the template file's name without {@code .json}. */
    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }
}
