package io.logrouter.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.FieldPath;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.parse.FieldParser;
import io.logrouter.transforms.parse.GrokParser;
import io.logrouter.transforms.parse.JsonParser;
import io.logrouter.transforms.parse.LogfmtParser;
import io.logrouter.transforms.parse.SyslogParser;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost per event of each parser on lines of about 200 bytes, as a route runs it (a fresh event holding the line,
 * parsed into fields), against the least any parser does: split the line on spaces and store each piece as a field.
 * One thread, so 10^9 / (ns per event) is events per second per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OperationsPerInvocation(ParserBenchmark.EVENTS)
public class ParserBenchmark {

    static final int EVENTS = 1000;

    private final List<String> json = new ArrayList<>(EVENTS);
    private final List<String> logfmt = new ArrayList<>(EVENTS);
    private final List<String> access = new ArrayList<>(EVENTS);
    private final List<String> syslog = new ArrayList<>(EVENTS);
    private final JsonParser jsonParser = new JsonParser();
    private final LogfmtParser logfmtParser = new LogfmtParser();
    private final GrokParser grokParser = new GrokParser();
    private final SyslogParser syslogParser = new SyslogParser();

    @Setup(Level.Trial)
    public void setUp() {
        grokParser.setPattern("%{COMBINEDAPACHELOG}");
        for (int seq = 0; seq < EVENTS; seq++) {
            String millis = String.format("%03d", seq % 1000);
            json.add("{\"@timestamp\":\"2026-11-26T10:00:00." + millis + "Z\",\"level\":\"INFO\",\"service\":"
                    + "\"checkout\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"message\":\"order " + seq
                    + " placed for customer 8812 in 23 ms\",\"http\":{\"status\":200}}");
            logfmt.add("ts=2026-11-26T10:00:00." + millis + "Z level=info service=checkout"
                    + " trace_id=4bf92f3577b34da6a3ce929d0e0e4736 msg=\"order " + seq
                    + " placed for customer 8812 in 23 ms\" status=200 duration_ms=23.4");
            access.add("10.1." + seq % 256 + ".3 - bob [26/Nov/2026:10:00:00 +0000] \"GET /api/v1/items/" + seq
                    + "?ref=home HTTP/1.1\" 200 5120 \"https://shop.example/cart\" \"Mozilla/5.0 (X11; Linux"
                    + " x86_64) Gecko/20100101 Firefox/126.0\"");
            syslog.add("<165>1 2026-11-26T10:00:00." + millis + "Z node-1.shop.example checkout 4242 ID47"
                    + " [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] order " + seq
                    + " placed for customer 8812 in 23 ms");
        }
        checkParses(jsonParser, json);
        checkParses(logfmtParser, logfmt);
        checkParses(grokParser, access);
        checkParses(syslogParser, syslog);
    }

    /** A benchmark of the failure path would flatter the parser: every line must parse. */
    private static void checkParses(FieldParser parser, List<String> lines) {
        for (String line : lines) {
            LogEvent event = LogEvent.ofMessage(null, line);
            parser.apply(event);
            if (EventMarkers.has(event, EventMarkers.PARSE_FAILURE)) {
                throw new IllegalStateException(parser.getClass().getSimpleName() + " failed on " + line);
            }
        }
    }

    /** Tokenizes the JSON lines, the longest of the four, and stores every token: no parser does less. */
    @Benchmark
    public int baselineSplitOnSpaces() {
        return splitOnSpaces(json);
    }

    /** The baseline's work, shared with GrokEngineBenchmark so that both classes' ratios have the same reference. */
    static int splitOnSpaces(List<String> lines) {
        int fields = 0;
        for (String line : lines) {
            LogEvent event = LogEvent.ofMessage(null, line);
            ObjectNode target = event.fields();
            String[] tokens = event.text(FieldPath.MESSAGE).split(" ");
            for (int i = 0; i < tokens.length; i++) {
                target.put("f" + i, tokens[i]);
            }
            fields += target.size();
        }
        return fields;
    }

    @Benchmark
    public int json() {
        return parse(jsonParser, json);
    }

    @Benchmark
    public int logfmt() {
        return parse(logfmtParser, logfmt);
    }

    @Benchmark
    public int grokCombinedApacheLog() {
        return parse(grokParser, access);
    }

    @Benchmark
    public int syslogRfc5424() {
        return parse(syslogParser, syslog);
    }

    static int parse(FieldParser parser, List<String> lines) {
        int fields = 0;
        for (String line : lines) {
            LogEvent event = LogEvent.ofMessage(null, line);
            parser.apply(event);
            fields += event.fields().size();
        }
        return fields;
    }
}
