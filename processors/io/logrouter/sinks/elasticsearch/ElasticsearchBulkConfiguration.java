package io.logrouter.sinks.elasticsearch;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * Per-endpoint options of {@code elasticsearch-bulk:name?index=...}. A request is bounded by events and bytes but not
 * by time: the sink sends a batch as soon as it gets it, so the time bound is the source's batching linger.
 */
@UriParams
public class ElasticsearchBulkConfiguration {

    @UriParam(defaultValue = "logs-{yyyy.MM.dd}", description = "Index or data stream name, a template over event fields and the event time, such as logs-{service.name}-{yyyy.MM.dd}")
    private String index = "logs-{yyyy.MM.dd}";
    @UriParam(defaultValue = "index", enums = "index,create", description = "index (overwrite by id) or create (required by data streams; a 409 on a deterministic id counts as written)")
    private String opType = "index";
    @UriParam(defaultValue = "direct:dead-letter", description = "Where events that Elasticsearch rejects for good (mapping conflicts) go, as a batch of dead-letter envelopes with the server's reason")
    private String deadLetterUri = "direct:dead-letter";
    @UriParam(defaultValue = "100", label = "retry", description = "Milliseconds before the first retry of the items the cluster refused for now (429, 5xx) or of a request that failed whole")
    private long retryInitialMillis = 100;
    @UriParam(defaultValue = "5000", label = "retry", description = "The longest wait between retries: the wait doubles from retryInitialMillis up to it, with jitter")
    private long retryMaxMillis = 5_000;
    @UriParam(defaultValue = "30000", label = "retry", description = "Milliseconds one batch may be retried before the exchange fails and the source delivers it again later")
    private long retryBudgetMillis = 30_000;
    @UriParam(defaultValue = "1000", description = "The most events in one _bulk request; a bigger batch is sent as several requests")
    private int maxBulkEvents = 1_000;
    @UriParam(defaultValue = "5242880", description = "The most bytes in one _bulk body (Elasticsearch advises a few MB; its hard limit is 100 MB)")
    private long maxBulkBytes = 5L * 1024 * 1024;
    @UriParam(defaultValue = "2", description = "How many _bulk requests of this endpoint may await their answer at once; no more request bodies than this are held")
    private int maxInFlight = 2;
    @UriParam(label = "template", description = "An index template (the JSON of PUT _index_template) to install before the first batch is written")
    private String templateFile;
    @UriParam(label = "template", description = "The installed template's name; by default the template file's name without .json")
    private String templateName;

    public String getIndex() {
        return index;
    }

    public void setIndex(String index) {
        this.index = index;
    }

    public String getOpType() {
        return opType;
    }

    public void setOpType(String opType) {
        if (!"index".equals(opType) && !"create".equals(opType)) {
            throw new IllegalArgumentException("opType must be index or create, not " + opType);
        }
        this.opType = opType;
    }

    public String getDeadLetterUri() {
        return deadLetterUri;
    }

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

    public void setRetryBudgetMillis(long retryBudgetMillis) {
        this.retryBudgetMillis = retryBudgetMillis;
    }

    public int getMaxBulkEvents() {
        return maxBulkEvents;
    }

    public void setMaxBulkEvents(int maxBulkEvents) {
        this.maxBulkEvents = maxBulkEvents;
    }

    public long getMaxBulkBytes() {
        return maxBulkBytes;
    }

    public void setMaxBulkBytes(long maxBulkBytes) {
        this.maxBulkBytes = maxBulkBytes;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public String getTemplateFile() {
        return templateFile;
    }

    public void setTemplateFile(String templateFile) {
        this.templateFile = templateFile;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }
}
