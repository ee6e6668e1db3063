package io.logrouter.sources.tail;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of a {@code tail:} endpoint. Camel binds the URI query parameters to these setters, so
 * {@code tail:containers?include=/var/log/containers/*.log&format=cri&batchSize=500} configures a consumer.
 */
@UriParams
public class TailConfiguration {

    // javaType: what a URI carries, the comma-separated text the setter splits
    @UriParam(javaType = "java.lang.String")
    @Metadata(required = true, description = "Comma-separated absolute glob patterns of the files to tail; a single star matches within one directory, a double star across directories")
    private List<String> include = List.of();

    @UriParam(javaType = "java.lang.String", description = "Comma-separated absolute glob patterns of files to leave alone even when included")
    private List<String> exclude = List.of();

    @UriParam
    @Metadata(required = true, description = "The checkpoint file: how far each file has been delivered")
    private String registry;

    @UriParam(defaultValue = "auto", enums = "auto,cri,docker,plain", description = "How lines are framed: auto detects CRI or Docker json-file per line")
    private LogFormat format = LogFormat.AUTO;

    @UriParam(defaultValue = "1000", description = "The most events in one exchange")
    private int batchSize = 1000;

    @UriParam(defaultValue = "8388608", description = "A batch takes no more lines once this many bytes were read for it, so that batchSize events of maxEventBytes each cannot exhaust the heap")
    private long batchMaxBytes = 8 * 1024 * 1024;

    @UriParam(defaultValue = "200", description = "Milliseconds to wait for a batch to fill once it holds an event")
    private long batchLinger = 200;

    @UriParam(defaultValue = "2", description = "Batches sent and not yet checkpointed at once: the next batch is read while earlier ones are delivered; 1 reads the next batch only after the previous one is delivered")
    private int maxInFlightBatches = 2;

    @UriParam(defaultValue = "1000", description = "Milliseconds between looks for new, renamed and deleted files")
    private long scanInterval = 1000;

    @UriParam(defaultValue = "100", description = "Milliseconds to wait before reading again when no file has new lines")
    private long pollInterval = 100;

    @UriParam(defaultValue = "262144", description = "Longer messages are cut to this many bytes and tagged truncated")
    private int maxEventBytes = 256 * 1024;

    @UriParam(defaultValue = "true", description = "Whether a file found at start-up without a checkpoint is read from its start (else from its end)")
    private boolean readFromHead = true;

    @UriParam(defaultValue = "5000", description = "Milliseconds a file rotated away or deleted is still watched for lines its writer adds before reopening; each new line restarts the wait")
    private long rotateWait = 5000;

    @UriParam(javaType = "java.lang.String", label = "multiline", description = "Regular expression that decides which lines join the previous event; see multilineMatch")
    private Pattern multilinePattern;

    @UriParam(label = "multiline", description = "Shorthand that sets multilinePattern to this regular expression of an event's first line and multilineMatch to start")
    private String multilineStart;

    @UriParam(defaultValue = "continuation", enums = "continuation,start", label = "multiline", description = "continuation: lines matching multilinePattern join the previous event; start: lines matching it begin a new event and the others join the previous one")
    private MultilineMatch multilineMatch = MultilineMatch.CONTINUATION;

    @UriParam(defaultValue = "1000", label = "multiline", description = "Milliseconds after its last line that a multiline event is emitted without waiting for the next event")
    private long multilineFlushMs = 1000;

    public List<String> getInclude() {
        return include;
    }

    public void setInclude(String include) {
        this.include = splitPatterns(include);
    }

    public List<String> getExclude() {
        return exclude;
    }

    public void setExclude(String exclude) {
        this.exclude = splitPatterns(exclude);
    }

    public String getRegistry() {
        return registry;
    }

    public void setRegistry(String registry) {
        this.registry = registry;
    }

    public LogFormat getFormat() {
        return format;
    }

    public void setFormat(LogFormat format) {
        this.format = format;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public long getBatchMaxBytes() {
        return batchMaxBytes;
    }

    public void setBatchMaxBytes(long batchMaxBytes) {
        this.batchMaxBytes = batchMaxBytes;
    }

    public long getBatchLinger() {
        return batchLinger;
    }

    public void setBatchLinger(long batchLinger) {
        this.batchLinger = batchLinger;
    }

    public int getMaxInFlightBatches() {
        return maxInFlightBatches;
    }

    public void setMaxInFlightBatches(int maxInFlightBatches) {
        this.maxInFlightBatches = maxInFlightBatches;
    }

    public long getScanInterval() {
        return scanInterval;
    }

    public void setScanInterval(long scanInterval) {
        this.scanInterval = scanInterval;
    }

    public long getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(long pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getMaxEventBytes() {
        return maxEventBytes;
    }

    public void setMaxEventBytes(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
    }

    public boolean isReadFromHead() {
        return readFromHead;
    }

    public void setReadFromHead(boolean readFromHead) {
        this.readFromHead = readFromHead;
    }

    public long getRotateWait() {
        return rotateWait;
    }

    public void setRotateWait(long rotateWait) {
        this.rotateWait = rotateWait;
    }

    public Pattern getMultilinePattern() {
        return multilinePattern;
    }

    /** Compiled here so that a bad expression fails when the endpoint is created, not on the first line. */
    public void setMultilinePattern(String multilinePattern) {
        this.multilinePattern = multilinePattern == null || multilinePattern.isEmpty() ? null : Pattern.compile(multilinePattern);
    }

    public String getMultilineStart() {
        return multilineStart;
    }

    public void setMultilineStart(String multilineStart) {
        this.multilineStart = multilineStart;
        setMultilinePattern(multilineStart);
        setMultilineMatch(MultilineMatch.START);
    }

    public MultilineMatch getMultilineMatch() {
        return multilineMatch;
    }

    public void setMultilineMatch(MultilineMatch multilineMatch) {
        this.multilineMatch = multilineMatch;
    }

    public long getMultilineFlushMs() {
        return multilineFlushMs;
    }

    public void setMultilineFlushMs(long multilineFlushMs) {
        this.multilineFlushMs = multilineFlushMs;
    }

    /** Fails endpoint creation on settings the consumer cannot work with, rather than tailing nothing quietly. */
    void validate() {
        if (include.isEmpty()) {
            throw new IllegalArgumentException("tail: include must name at least one glob pattern");
        }
        for (String pattern : include) {
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("tail: include pattern must be an absolute path: " + pattern);
            }
        }
        if (registry == null || registry.isBlank()) {
            throw new IllegalArgumentException("tail: registry (the checkpoint file) is required");
        }
        if (batchSize < 1 || batchMaxBytes < 1 || maxEventBytes < 1 || maxInFlightBatches < 1) {
            throw new IllegalArgumentException("tail: batchSize, batchMaxBytes, maxEventBytes and maxInFlightBatches must be positive");
        }
        // zero would make the consumer's thread spin on an idle file
        if (pollInterval < 1 || scanInterval < 1) {
            throw new IllegalArgumentException("tail: pollInterval and scanInterval must be at least 1 ms");
        }
        if (batchLinger < 0 || rotateWait < 0 || multilineFlushMs < 0) {
            throw new IllegalArgumentException("tail: batchLinger, rotateWait and multilineFlushMs cannot be negative");
        }
    }

    private static List<String> splitPatterns(String patterns) {
        return patterns == null ? List.of()
                : Arrays.stream(patterns.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
}
