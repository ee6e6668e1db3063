package io.logrouter.bench;

import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.sinks.elasticsearch.BulkRequestWriter;
import io.logrouter.sinks.elasticsearch.IndexNameTemplate;
import io.logrouter.sources.http.NdjsonDecoder;
import io.logrouter.transforms.parse.JsonParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
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

/**
 * The cost per event of the router's path for NDJSON (decode lines, parse JSON, write the bulk body), against the
 * least any router does (split lines and copy them into a bulk body), and the cost of one exchange per event against
 * one exchange per batch through a real Camel route. All times are per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@OperationsPerInvocation(EventPathBenchmark.EVENTS)
public class EventPathBenchmark {

    static final int EVENTS = 1000;
    private static final byte[] ACTION = "{\"index\":{\"_index\":\"logs\"}}\n".getBytes(StandardCharsets.UTF_8);

    private byte[] body;
    private List<String> lines;
    private CamelContext camel;
    private ProducerTemplate producer;
    private final JsonParser parser = new JsonParser();
    private final BulkRequestWriter writer = new BulkRequestWriter(new IndexNameTemplate("logs"), "index",
            EVENTS, Long.MAX_VALUE);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        lines = new ArrayList<>(EVENTS);
        StringBuilder text = new StringBuilder();
        for (int seq = 0; seq < EVENTS; seq++) {
            String line = "{\"@timestamp\":\"2026-11-26T10:00:00." + String.format("%03d", seq % 1000)
                    + "Z\",\"level\":\"INFO\",\"service\":\"checkout\",\"seq\":" + seq
                    + ",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"message\":\"order " + seq
                    + " placed for customer 8812 in 23 ms\",\"http\":{\"status\":200}}";
            lines.add(line);
            text.append(line).append('\n');
        }
        body = text.toString().getBytes(StandardCharsets.UTF_8);
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:path").process(parser).process(exchange -> { });
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        camel.stop();
    }

    @Benchmark
    public byte[] baselineCopyLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 2);
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                out.write(ACTION, 0, ACTION.length);
                out.write(body, start, i - start + 1);
                start = i + 1;
            }
        }
        return out.toByteArray();
    }

    @Benchmark
    public Object decodeParseWrite() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body);
        new NdjsonDecoder().process(exchange);
        parser.process(exchange);
        // the bounds equal the batch, so this is the one bulk body the sink would send
        return writer.split(exchange.getMessage().getBody(EventBatch.class).events()).next();
    }

    @Benchmark
    public int exchangePerBatch() {
        EventBatch batch = new EventBatch(new ArrayList<>(EVENTS));
        for (String line : lines) {
            batch.add(LogEvent.ofMessage(null, line));
        }
        return producer.requestBody("direct:path", batch, EventBatch.class).size();
    }

    @Benchmark
    public int exchangePerEvent() {
        int delivered = 0;
        for (String line : lines) {
            EventBatch single = new EventBatch(new ArrayList<>(1)).add(LogEvent.ofMessage(null, line));
            delivered += producer.requestBody("direct:path", single, EventBatch.class).size();
        }
        return delivered;
    }
}
