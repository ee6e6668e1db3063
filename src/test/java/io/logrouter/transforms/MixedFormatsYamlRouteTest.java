package io.logrouter.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.parse.AutoFormatParser;
import io.logrouter.transforms.timestamp.TimestampParser;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 15's options as a route author writes them: one mixed stream, every line's own time and level. */
class MixedFormatsYamlRouteTest {

    private static final String ROUTE = """
            - beans:
                - name: parseAny
                  type: io.logrouter.transforms.parse.AutoFormatParser
                  properties:
                    format: auto
                - name: timestamps
                  type: io.logrouter.transforms.timestamp.TimestampParser
                  properties:
                    fields: "@timestamp, time"
                    timezone: Europe/Berlin
                    formats: |
                      ISO8601
                      CLF
                      yyMMdd HHmmss
                      EEE MMM d HH:mm:ss yyyy
                - name: levels
                  type: io.logrouter.transforms.normalize.LevelNormalizer
            - route:
                from:
                  uri: direct:in
                  steps:
                    - process: {ref: parseAny}
                    - process: {ref: timestamps}
                    - process: {ref: levels}
            """;

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void mixedStreamGetsEachLinesTimeAndLevel() throws Exception {
        context = new DefaultCamelContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("mixed.yaml", ROUTE));
        context.start();
        List<String> lines = List.of(
                "{\"@timestamp\":\"2026-11-24T10:00:00Z\",\"log.level\":\"ERROR\",\"message\":\"payment failed\"}",
                "time=081109 203615 level=warn msg=\"block replicated\"",
                "time=\"081109 203615\" level=warn msg=\"block replicated\"",
                "10.1.2.3 - - [24/Nov/2026:10:00:00 +0000] \"GET /cart HTTP/1.1\" 200 512",
                "plain text without a time");
        EventBatch batch = new EventBatch();
        lines.forEach(line -> batch.add(Samples.event(line)));

        EventBatch out = context.createProducerTemplate().requestBody("direct:in", batch, EventBatch.class);

        LogEvent json = out.events().get(0);
        assertEquals("2026-11-24T10:00:00.000Z", json.text("@timestamp"));
        assertEquals("error", json.text("log.level"));
        assertFalse(json.fields().has("log.level"), "one level: " + json);
        LogEvent notLogfmt = out.events().get(1);
        assertEquals("time=081109 203615 level=warn msg=\"block replicated\"", notLogfmt.text("message"),
                "a bare word makes the line text");
        LogEvent logfmt = out.events().get(2);
        assertEquals("2008-11-09T19:36:15.000Z", logfmt.text("@timestamp"), "Berlin time, an HDFS-style stamp");
        assertEquals("warn", logfmt.text("log.level"));
        assertEquals("block replicated", logfmt.text("message"));
        LogEvent access = out.events().get(3);
        assertEquals("2026-11-24T10:00:00.000Z", access.text("@timestamp"));
        assertEquals(200, access.get("http.response.status_code").asInt());
        LogEvent plain = out.events().get(4);
        assertEquals("plain text without a time", plain.text("message"));
        assertTrue(EventMarkers.has(plain, TimestampParser.TIMESTAMP_FAILURE), "no time: tagged, kept");
        assertFalse(EventMarkers.has(plain, EventMarkers.PARSE_FAILURE), "text is a format, not a failure");

        AutoFormatParser parser = context.getRegistry().lookupByNameAndType("parseAny", AutoFormatParser.class);
        assertEquals(1L, parser.getFormatCounts().get("json"));
        assertEquals(1L, parser.getFormatCounts().get("logfmt"));
        assertEquals(1L, parser.getFormatCounts().get("apache"));
        assertEquals(2L, parser.getFormatCounts().get("text"));
    }
}
