package io.logrouter.bench;

import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.parse.GrokParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.opensearch.grok.Grok;
import org.opensearch.grok.MatcherWatchdog;

/**
 * Which engine runs the grok library: opensearch-grok's own (joni, Logstash's engine, bounded by its watchdog
 * thread) or the project's (java.util.regex through FieldPattern, bounded by DeadlineCharSequence). Both run the
 * library's definitions unchanged (the project's overlay is left out), anchored at the start, and both produce an
 * event's fields; ratios to the same line-split baseline as ParserBenchmark. The miss benchmarks feed plain-text
 * lines, as in a mixed stream, where the cost of failing matters as much as the cost of matching.
 *
 * <p>Measured on the 2-core development machine under heavy load from other builds (two runs, so rough), joni's
 * time per event over java.util.regex's: access log 1.4 and 1.6, miss on plain text 1.9 and 3.3, syslog line 0.46
 * and 0.93 (the library's SYSLOGBASE2 repeats a host group, which backtracks more in java.util.regex; the project's
 * own SYSLOGLINE does not). GrokParser therefore stays on java.util.regex, which also carries the ECS field names,
 * the types and the per-line deadline without a watchdog thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OperationsPerInvocation(GrokEngineBenchmark.EVENTS)
public class GrokEngineBenchmark {

    static final int EVENTS = 1000;

    private final List<String> access = new ArrayList<>(EVENTS);
    private final List<String> syslog = new ArrayList<>(EVENTS);
    private final List<String> plain = new ArrayList<>(EVENTS);
    private ScheduledExecutorService watchdogThread;
    private Grok joniAccess;
    private Grok joniSyslog;
    private GrokParser javaAccess;
    private GrokParser javaSyslog;

    @Setup(Level.Trial)
    public void setUp() {
        for (int seq = 0; seq < EVENTS; seq++) {
            access.add("10.1." + seq % 256 + ".3 - bob [26/Nov/2026:10:00:00 +0000] \"GET /api/v1/items/" + seq
                    + "?ref=home HTTP/1.1\" 200 5120 \"https://shop.example/cart\" \"Mozilla/5.0 (X11; Linux"
                    + " x86_64) Gecko/20100101 Firefox/126.0\"");
            syslog.add("Nov 26 10:00:00 node-1 sshd[" + (1000 + seq) + "]: Accepted publickey for deploy from"
                    + " 10.1." + seq % 256 + ".3 port 51122 ssh2: ED25519 SHA256:x3QqQ2b0yq5Jt0v0b8E");
            plain.add("order " + seq + " placed for customer 8812 in 23 ms by worker-3 after 2 retries, cart total"
                    + " 42.50 EUR, coupon none, shipping standard, warehouse eu-west-1c, queue depth 17");
        }
        watchdogThread = Executors.newSingleThreadScheduledExecutor();
        // what OpenSearch's ingest node configures: check every second, interrupt a match after 100 ms
        MatcherWatchdog watchdog = MatcherWatchdog.newInstance(1000, 100,
                () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()),
                (delay, command) -> watchdogThread.schedule(command, delay, TimeUnit.MILLISECONDS));
        joniAccess = new Grok(Grok.BUILTIN_PATTERNS, "^%{COMBINEDAPACHELOG}", watchdog, message -> { });
        joniSyslog = new Grok(Grok.BUILTIN_PATTERNS, "^%{SYSLOGLINE}", watchdog, message -> { });
        javaAccess = library("%{COMBINEDAPACHELOG}");
        javaSyslog = library("%{SYSLOGLINE}");
        check(access, joniAccess, javaAccess);
        check(syslog, joniSyslog, javaSyslog);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        watchdogThread.shutdownNow();
    }

    /** The project's parser with the library's definitions exactly as opensearch-grok has them. */
    private static GrokParser library(String pattern) {
        GrokParser parser = new GrokParser();
        parser.setPatterns(Grok.BUILTIN_PATTERNS);
        parser.setPattern(pattern);
        return parser;
    }

    /** Both engines must match every line and find the same number of fields, or the comparison is void. */
    private static void check(List<String> lines, Grok joni, GrokParser java) {
        for (String line : lines) {
            Map<String, Object> captures = joni.captures(line);
            LogEvent event = LogEvent.ofMessage(null, line);
            java.apply(event);
            if (captures == null || java.getFailedCount() > 0) {
                throw new IllegalStateException("no match for " + line);
            }
        }
    }

    @Benchmark
    public int baselineSplitOnSpaces() {
        return ParserBenchmark.splitOnSpaces(access);
    }

    @Benchmark
    public int joniCombinedApacheLog() {
        return joni(joniAccess, access);
    }

    @Benchmark
    public int javaRegexCombinedApacheLog() {
        return ParserBenchmark.parse(javaAccess, access);
    }

    @Benchmark
    public int joniSyslogLine() {
        return joni(joniSyslog, syslog);
    }

    @Benchmark
    public int javaRegexSyslogLine() {
        return ParserBenchmark.parse(javaSyslog, syslog);
    }

    @Benchmark
    public int joniMissOnPlainText() {
        return joni(joniAccess, plain);
    }

    @Benchmark
    public int javaRegexMissOnPlainText() {
        return ParserBenchmark.parse(javaAccess, plain);
    }

    /** The same work as the parser: the captures become the event's fields. */
    private static int joni(Grok grok, List<String> lines) {
        int fields = 0;
        for (String line : lines) {
            LogEvent event = LogEvent.ofMessage(null, line);
            Map<String, Object> captures = grok.captures(event.text(FieldPath.MESSAGE));
            if (captures != null) {
                for (Map.Entry<String, Object> capture : captures.entrySet()) {
                    if (capture.getValue() != null) {
                        event.put(capture.getKey(), String.valueOf(capture.getValue()));
                    }
                }
            }
            fields += event.fields().size();
        }
        return fields;
    }
}
