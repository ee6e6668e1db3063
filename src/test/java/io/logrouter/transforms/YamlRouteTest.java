package io.logrouter.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.logrouter.event.EventBatch;
import io.logrouter.event.EventMarkers;
import io.logrouter.event.LogEvent;
import io.logrouter.transforms.parse.JsonParser;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transforms as a route author wires them: YAML beans with their options, one batch through the route. */
class YamlRouteTest {

    // A route as an author writes it: every transform declared as a bean with its options, no Java.
    private static final String ROUTE = """
            - beans:
                - name: parseJson
                  type: io.logrouter.transforms.parse.JsonParser
                  properties:
                    failureMode: dead-letter
                    keepOriginal: false
                - name: parseLog4j
                  type: io.logrouter.transforms.parse.GrokParser
                  properties:
                    pattern: "^%{LOG4J}"
                - name: timestamps
                  type: io.logrouter.transforms.timestamp.TimestampParser
                  properties:
                    fields: "@timestamp"
                    zone: UTC
                - name: levels
                  type: io.logrouter.transforms.normalize.LevelNormalizer
                - name: ecs
                  type: io.logrouter.transforms.normalize.FieldRenamer
                  properties:
                    renames: "logger=log.logger"
                - name: statics
                  type: io.logrouter.transforms.normalize.StaticFields
                  properties:
                    fields: |
                      event.dataset=shop.checkout
                      cloud.region=eu-west-1
                - name: redact
                  type: io.logrouter.transforms.redact.Redactor
                  properties:
                    patterns:
                      order: "order_id=(?<secret>[A-Z]-\\\\d+)"
                - name: dropDebug
                  type: io.logrouter.transforms.filter.DropFilter
                  properties:
                    field: log.level
                    operator: in
                    value: debug,trace
                - name: sampleInfo
                  type: io.logrouter.transforms.filter.Sampler
                  properties:
                    key: log.level
                    rates: info=1.0, warn=1
            - route:
                from:
                  uri: direct:in
                  steps:
                    - process:
                        ref: parseJson
                    - process:
                        ref: parseLog4j
                    - process:
                        ref: timestamps
                    - process:
                        ref: levels
                    - process:
                        ref: ecs
                    - process:
                        ref: statics
                    - process:
                        ref: redact
                    - process:
                        ref: dropDebug
                    - process:
                        ref: sampleInfo
            """;

    private CamelContext context;

    @BeforeEach
    void loadRoute() throws Exception {
        context = new DefaultCamelContext();
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("pipeline.yaml", ROUTE));
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void criSampleThroughTheWholeRoute() {
        EventBatch batch = new EventBatch();
        Samples.criTexts("checkout-").forEach(text -> batch.add(Samples.event(text)));
        LogEvent debug = Samples.event("{\"level\":\"DEBUG\",\"message\":\"noise\"}");
        batch.add(debug);
        int sent = batch.size();

        EventBatch out = context.createProducerTemplate().requestBody("direct:in", batch, EventBatch.class);

        assertEquals(sent - 1, out.size(), "only the debug line is dropped");
        LogEvent order = out.events().get(0);
        assertEquals("order placed order_id=[REDACTED:order] amount=42.50", order.text("message"));
        assertEquals("info", order.text("log.level"));
        assertEquals("com.shop.checkout.Api", order.text("log.logger"));
        assertEquals("2026-11-24T10:00:00.000Z", order.text("@timestamp"));
        assertEquals("shop.checkout", order.text("event.dataset"));
        assertEquals("eu-west-1", order.text("cloud.region"));

        LogEvent payment = out.events().get(2);
        assertEquals("payment call failed", payment.text("message"));
        assertEquals("error", payment.text("log.level"));
        assertEquals("2026-11-24T10:00:01.500Z", payment.text("@timestamp"));

        LogEvent plain = out.events().get(out.size() - 2);
        assertTrue(plain.text("message").endsWith("user=[REDACTED:email] card=[REDACTED:card]"));
        assertTrue(EventMarkers.has(plain, FailureMode.DEAD_LETTER_TAG));

        JsonParser parseJson = context.getRegistry().lookupByNameAndType("parseJson", JsonParser.class);
        assertEquals(3, parseJson.getParsedCount());
        assertNull(out.events().stream().filter(e -> "noise".equals(e.text("message"))).findAny().orElse(null));
    }
}
