package io.logrouter.transforms.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logrouter.event.EventBatch;
import io.logrouter.event.LogEvent;
import io.logrouter.event.SinkUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The router as a route author declares it in YAML, with real direct: routes as destinations that keep every batch
 * they receive.
 */
class ContentRouterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String RULES = """
            # errors are copied to the alerts index, and still reach their service index below
            log.level in error,fatal -> direct:alerts; continue
            *                        -> direct:archive; continue
            url.original regex ^/health -> drop
            http.response.status_code gte 500 -> direct:server-errors
            simple: ${body[labels.team]} == 'payments' && ${header.tenant} == 'shop' -> direct:payments
            quarantine exists -> dead-letter
            """;

    private CamelContext context;
    private final Map<String, List<EventBatch>> received = Map.of(
            "alerts", new CopyOnWriteArrayList<>(), "archive", new CopyOnWriteArrayList<>(),
            "server-errors", new CopyOnWriteArrayList<>(), "payments", new CopyOnWriteArrayList<>(),
            "services", new CopyOnWriteArrayList<>(), "dead-letter", new CopyOnWriteArrayList<>());

    /** The router bean with these rules (one a line) and default destination, if any, in front of direct:in. */
    private static String router(String rules, String defaultDestination) {
        String properties = "rules: |\n" + rules.indent(2)
                + (defaultDestination == null ? "" : "defaultDestination: " + defaultDestination + "\n");
        return """
                - beans:
                    - name: router
                      type: io.logrouter.transforms.router.ContentRouter
                      properties:
                %s
                - route:
                    id: ingest
                    from:
                      uri: direct:in
                      steps:
                        - process:
                            ref: router
                """.formatted(properties.indent(8).stripTrailing());
    }

    private void start(String yaml) throws Exception {
        start(yaml, new Properties());
    }

    /** @param properties win over application.properties, which camel-microprofile-config reads in here too */
    private void start(String yaml, Properties properties) throws Exception {
        context = new DefaultCamelContext();
        context.getPropertiesComponent().setOverrideProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("router.yaml", yaml));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                received.forEach((name, batches) -> from("direct:" + name).routeId("capture-" + name)
                        .process(exchange -> {
                            EventBatch batch = exchange.getMessage().getBody(EventBatch.class);
                            batches.add(batch);
                            batch.settle(batch); // as a sink does once it has written them
                        }));
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private static LogEvent event(String id, String json) throws Exception {
        return new LogEvent(id, (ObjectNode) JSON.readTree(json));
    }

    private EventBatch send(EventBatch batch) {
        return context.createProducerTemplate().requestBodyAndHeader("direct:in", batch, "tenant", "shop",
                EventBatch.class);
    }

    private List<String> ids(String destination) {
        List<String> ids = new ArrayList<>();
        received.get(destination).forEach(batch -> batch.forEach(event -> ids.add(event.id())));
        return ids;
    }

    private ContentRouter router() {
        return context.getRegistry().lookupByNameAndType("router", ContentRouter.class);
    }

    @Test
    void eachEventReachesTheDestinationsOfItsRulesInOneExchangePerDestination() throws Exception {
        start(router(RULES, "direct:services"));
        EventBatch batch = new EventBatch()
                .add(event("info", "{\"log\":{\"level\":\"info\"},\"url\":{\"original\":\"/cart\"}}"))
                .add(event("error", "{\"log\":{\"level\":\"error\"},\"url\":{\"original\":\"/cart\"}}"))
                .add(event("health", "{\"log\":{\"level\":\"info\"},\"url\":{\"original\":\"/healthz\"}}"))
                .add(event("error-health", "{\"log\":{\"level\":\"error\"},\"url\":{\"original\":\"/health\"}}"))
                .add(event("status", "{\"http\":{\"response\":{\"status_code\":\"503\"}}}"))
                .add(event("payments", "{\"labels\":{\"team\":\"payments\"}}"))
                .add(event("quarantined", "{\"quarantine\":true}"));

        EventBatch after = send(batch);

        assertEquals(List.of("error", "error-health"), ids("alerts"));
        assertEquals(List.of("info", "error", "health", "error-health", "status", "payments", "quarantined"),
                ids("archive"), "the catch-all rule with continue sees every event");
        assertEquals(List.of("status"), ids("server-errors"));
        assertEquals(List.of("payments"), ids("payments"));
        assertEquals(List.of("info", "error"), ids("services"), "the default takes what no rule stopped");
        assertEquals(List.of("quarantined"), ids("dead-letter"));
        LogEvent envelope = received.get("dead-letter").get(0).events().get(0);
        assertEquals("routed to dead-letter by rule: quarantine exists -> dead-letter", envelope.text("failure.reason"));
        assertEquals(true, envelope.get("event.quarantine").booleanValue());
        received.forEach((name, batches) -> assertTrue(batches.size() <= 1, name + " got one exchange per batch"));

        ContentRouter router = router();
        assertEquals(2, router.getDroppedCount());
        assertEquals(Map.of("direct:alerts", 2L, "direct:archive", 7L, "direct:server-errors", 1L,
                "direct:payments", 1L, "direct:services", 2L, "dead-letter", 1L, "drop", 2L),
                router.getRoutedCounts());
        assertEquals(0, router.getUnmatchedCount(), "every event matched the catch-all rule");
        assertEquals(0, router.getUndecidedCount(), "a dotted path to a missing field is null, not an error");
        assertEquals(7, after.size(), "the body after the router is the batch as it came in");
        assertTrue(batch.isSettled(), "every destination settled its copies: written, dropped or dead-lettered");
    }

    @Test
    void anEventReachesADestinationOnceHoweverManyRulesNameIt() throws Exception {
        start(router("""
                log.level equals error -> direct:alerts; continue
                http.response.status_code gte 500 -> direct:alerts; continue
                """, "direct:alerts"));

        send(new EventBatch().add(event("both", "{\"log\":{\"level\":\"error\"},\"http\":{\"response\":"
                + "{\"status_code\":503}}}")));

        assertEquals(List.of("both"), ids("alerts"));
    }

    @Test
    void eachPartKeepsTheTimeItsBatchWasReceived() throws Exception {
        start(router("log.level equals error -> direct:alerts", "direct:services"));
        EventBatch batch = new EventBatch().receivedNanos(12345L)
                .add(event("info", "{\"log\":{\"level\":\"info\"}}"))
                .add(event("error", "{\"log\":{\"level\":\"error\"}}"));

        send(batch);

        assertEquals(12345L, received.get("alerts").get(0).receivedNanos(), "the pipeline latency starts at the source");
        assertEquals(12345L, received.get("services").get(0).receivedNanos());
    }

    @Test
    void eachDestinationGetsItsOwnCopy() throws Exception {
        start(router("* -> direct:rewrite; continue", "direct:services") + """
                - route:
                    from:
                      uri: direct:rewrite
                      steps:
                        - setProperty:
                            name: rewritten
                            simple: "${body.events[0].fields.put('message', 'rewritten')}"
                        - to: direct:archive
                """);
        EventBatch batch = new EventBatch().add(event("a", "{\"message\":\"original\"}"));

        EventBatch after = send(batch);

        LogEvent delivered = received.get("services").get(0).events().get(0);
        assertEquals("original", delivered.text("message"), "the rewrite route changed only its own copy");
        assertEquals("original", after.events().get(0).text("message"));
        assertNotSame(batch.events().get(0).fields(), delivered.fields());
        assertEquals("rewritten", received.get("archive").get(0).events().get(0).text("message"));
    }

    @Test
    void aBatchIsSettledOnlyWhenEveryDestinationSettledItsCopy() throws Exception {
        start(router("* -> direct:services; continue", "direct:swallowing"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a destination route that says it handled its sink's failure: it completes, and settles nothing
                from("direct:swallowing").onException(Exception.class).handled(true).end().process(exchange -> {
                    throw new SinkUnavailableException("alerts cluster down", null);
                });
            }
        });
        EventBatch batch = new EventBatch().add(event("a", "{\"message\":\"both\"}"));

        CamelExecutionException failure = assertThrows(CamelExecutionException.class, () -> send(batch));

        assertInstanceOf(SinkUnavailableException.class, failure.getCause());
        LogEvent servicesCopy = received.get("services").get(0).events().get(0);
        assertTrue(batch.settlement().isSettled(servicesCopy), "one destination settled its copy");
        assertFalse(batch.isSettled(), "the other did not, so the source may not acknowledge the batch");
    }

    @Test
    void aFailingDestinationFailsTheBatchWithItsOwnException() throws Exception {
        start(router("log.level equals error -> direct:unavailable", "direct:services"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:unavailable").process(exchange -> {
                    throw new SinkUnavailableException("alerts cluster down", null);
                });
            }
        });
        EventBatch batch = new EventBatch()
                .add(event("info", "{\"log\":{\"level\":\"info\"}}"))
                .add(event("error", "{\"log\":{\"level\":\"error\"}}"));

        CamelExecutionException failure = assertThrows(CamelExecutionException.class, () -> send(batch));

        assertInstanceOf(SinkUnavailableException.class, failure.getCause(),
                "the source's error handling (a 503 for HTTP) sees the sink's own exception");
    }

    @Test
    void unmatchedEventsAreDeadLetteredUnlessADefaultIsSet() throws Exception {
        start(router("http.response.status_code gt 499.5 -> direct:server-errors", null));
        EventBatch batch = new EventBatch()
                .add(event("ok", "{\"http\":{\"response\":{\"status_code\":200}}}"))
                .add(event("failed", "{\"http\":{\"response\":{\"status_code\":500}}}"));

        send(batch);

        assertEquals(List.of("failed"), ids("server-errors"));
        LogEvent envelope = received.get("dead-letter").get(0).events().get(0);
        assertEquals("ok", envelope.id());
        assertEquals(200, envelope.get("event.http.response.status_code").intValue());
        assertEquals("route", envelope.text("failure.stage"));
        assertEquals("no routing rule matched", envelope.text("failure.reason"));
        assertEquals("ingest", envelope.text("failure.route"));
        assertEquals(1, router().getUnmatchedCount());
    }

    @Test
    void aSimpleConditionThatFailsOnAnEventDoesNotMatchIt() throws Exception {
        start(router("simple: ${body[kubernetes][namespace]} == 'payments' -> direct:payments", "direct:services"));
        EventBatch batch = new EventBatch()
                .add(event("payments", "{\"kubernetes\":{\"namespace\":\"payments\"}}"))
                .add(event("shop", "{\"kubernetes\":{\"namespace\":\"shop\"}}"))
                .add(event("host", "{\"host\":{\"name\":\"node-1\"}}"));

        send(batch);

        assertEquals(List.of("payments"), ids("payments"));
        assertEquals(List.of("shop", "host"), ids("services"));
        assertEquals(1, router().getUndecidedCount(), "${body[kubernetes][namespace]} fails without kubernetes");
    }

    @Test
    void aMistakeInTheRulesStopsTheRouteFromStarting() {
        for (String rule : List.of("log.level error", "log.level equals -> direct:x",
                "log.level like error -> direct:x",
                "* -> nosuchscheme:x", "* -> drop; continue", "simple: ${body[ -> direct:x")) {
            String yaml = router(rule, null);
            assertThrows(Exception.class, () -> start(yaml), rule);
            context.stop();
            context = null;
        }
    }

    @Test
    void rulesObeyTheAllowListOfRoutesFiles() throws Exception {
        Properties allowList = new Properties();
        allowList.setProperty(RuleResolver.ALLOWED_COMPONENTS, "direct, elasticsearch-bulk");
        allowList.setProperty(RuleResolver.ALLOWED_LANGUAGES, "constant");

        start(router("log.level equals error -> direct:alerts", "elasticsearch-bulk:x?index=logs"), allowList);
        context.stop();
        for (String rule : List.of("* -> log:everything", "simple: ${body[x]} == 1 -> direct:alerts")) {
            Exception refused = assertThrows(Exception.class, () -> start(router(rule, "direct:services"), allowList),
                    rule);
            assertTrue(String.valueOf(refused.getCause()).contains("is not allowed in routes files"), rule);
            context.stop();
        }
        context = null;
    }
}
