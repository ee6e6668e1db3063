package io.logrouter.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.logrouter.paths.AllowedPaths;
import io.logrouter.sinks.file.NdjsonFileComponent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard at run time, where no check of the file can see: endpoints computed from event content, a bean bound
 * under a component's name, expressions and placeholders Camel creates while an exchange runs. Each attack fails its
 * exchange, is counted, and leaves nothing behind.
 */
class RouteGuardTest {

    private static final Path MARKERS = Path.of("target/hostile");
    private static final Path WRITABLE = Path.of("target/guard-writable");
    private static final RouteAllowList ALLOW = new RouteAllowList(Set.of("direct", "seda", "ndjson-file"),
            Set.of("simple", "constant", "header"), List.of("io.logrouter."), List.of("logrouter."),
            AllowedPaths.of(List.of()), AllowedPaths.of(List.of(WRITABLE.toString())));

    /** A route whose endpoint is computed from each event: accepted, the guard judges every endpoint it makes. */
    private static final String TO_D = """
            - route:
                id: computed-to-d
                from:
                  uri: direct:to-d
                  steps:
                    - toD: "${header.target}"
            """;

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private CamelContext context;
    private ProducerTemplate producer;

    @BeforeAll
    static void folders() throws Exception {
        Files.createDirectories(MARKERS);
        Files.createDirectories(WRITABLE);
    }

    private void start() {
        context = new DefaultCamelContext();
        RouteGuard.install(context, ALLOW, meters);
        context.start();
        producer = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private void load(String yaml) {
        RouteReloader reloader = new RouteReloader(context, ALLOW, Duration.ofSeconds(5));
        RouteFileStatus status = reloader.reconcile(List.of(RouteFile.of("computed.yaml", yaml))).get(0);
        assertEquals(RouteFileStatus.Result.LOADED, status.lastResult(), status.toString());
    }

    private double refusals(String kind) {
        Counter counter = meters.find(RouteGuard.REFUSALS).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "class:java.lang.System?method=setProperty('logrouter.hostile.computed','ran')",
            "exec:touch?args=target/hostile/computed-exec.marker",
            "file:target/hostile?fileName=computed-file.marker",
            "bean:java.lang.System?method=setProperty('logrouter.hostile.computed','ran')",
            "language:simple:${bean:type:java.lang.System?method=setProperty('logrouter.hostile.computed','ran')}"})
    void anEndpointComputedFromAnEventFailsItsExchangeAndRunsNothing(String target) {
        start();
        load(TO_D + """
                - route:
                    id: computed-recipient-list
                    from:
                      uri: direct:recipient-list
                      steps:
                        - recipientList:
                            simple: "${body[target]}"
                """);

        assertThrows(CamelExecutionException.class,
                () -> producer.sendBodyAndHeader("direct:to-d", "event", "target", target));
        assertThrows(CamelExecutionException.class,
                () -> producer.sendBody("direct:recipient-list", Map.of("target", target)));

        assertEquals(2, refusals("component"), "both refusals are counted");
        assertNull(System.getProperty("logrouter.hostile.computed"));
        assertFalse(Files.exists(MARKERS.resolve("computed-exec.marker")));
        assertFalse(Files.exists(MARKERS.resolve("computed-file.marker")));
    }

    @Test
    void aComputedEndpointCannotReadASecretThroughAPlaceholder() {
        System.setProperty("logrouter.http.auth.tokens", "guard-test-secret");
        try {
            start();
            context.getPropertiesComponent().addPropertiesSource(new ConfigPropertiesSource(
                    io.smallrye.config.SmallRyeConfigProviderResolver.instance().getConfig()));
            load(TO_D);

            CamelExecutionException failed = assertThrows(CamelExecutionException.class, () -> producer
                    .sendBodyAndHeader("direct:to-d", "event", "target", "seda:{{logrouter.http.auth.tokens}}"));

            assertFalse(String.valueOf(failed.getCause()).contains("guard-test-secret"));
            assertEquals(1, refusals("setting"));
            assertNull(context.hasEndpoint("seda:guard-test-secret"));
        } finally {
            System.clearProperty("logrouter.http.auth.tokens");
        }
    }

    @Test
    void aBeanBoundUnderAComponentsNameNeverStandsInForIt() {
        start();
        // as if something had bound it: the seda bean of the router's own file-writing type
        context.getRegistry().bind("seda", new NdjsonFileComponent());
        load(TO_D);

        assertThrows(CamelExecutionException.class, () -> producer.sendBodyAndHeader("direct:to-d", "event",
                "target", "seda:" + MARKERS.resolve("bound-seda.marker")));

        assertEquals(1, refusals("component"));
        assertFalse(Files.exists(MARKERS.resolve("bound-seda.marker")));
        assertNull(context.hasComponent("seda"));
    }

    @Test
    void aComponentTheRoutersOwnCodeAddsIsTheOperatorsChoice() {
        start();
        NdjsonFileComponent files = new NdjsonFileComponent();
        context.addComponent("operator-files", files);

        assertNotNull(context.getEndpoint("operator-files:" + WRITABLE.resolve("operator.ndjson")));
        assertThrows(Exception.class, () -> context.getEndpoint("operator-files:" + MARKERS.resolve("x.marker")),
                "still confined to the allowed folders");
    }

    @Test
    void anExpressionCamelCreatesAtRunTimeIsDataOnly() {
        start();

        assertThrows(Exception.class, () -> context.resolveLanguage("simple")
                .createExpression("${bean:type:java.lang.System?method=setProperty('logrouter.hostile.rt','ran')}"));
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setHeader("x", "a");
        assertEquals("a", context.resolveLanguage("simple").createExpression("${header.x}")
                .evaluate(exchange, String.class));
        assertThrows(Exception.class, () -> context.resolveLanguage("groovy"));
        assertEquals(1, refusals("expression"));
        assertNull(System.getProperty("logrouter.hostile.rt"));
    }

    @Test
    void filesAreWrittenOnlyUnderTheAllowedFolders() throws Exception {
        start();
        Path allowed = WRITABLE.resolve("events.ndjson");

        assertNotNull(context.getEndpoint("ndjson-file:" + allowed));
        for (String outside : List.of("ndjson-file:" + MARKERS.resolve("ndjson.marker"),
                "ndjson-file:" + WRITABLE.resolve("../hostile/ndjson-dots.marker"), "ndjson-file:/tmp/ndjson.marker")) {
            assertThrows(Exception.class, () -> context.getEndpoint(outside), outside);
        }
        Path link = WRITABLE.resolve("link-out");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, MARKERS.toAbsolutePath());
        assertThrows(Exception.class, () -> context.getEndpoint("ndjson-file:" + link.resolve("linked.marker")),
                "a link inside the folder pointing outside it does not count as inside");
        assertTrue(Files.notExists(MARKERS.resolve("ndjson.marker")));
    }
}
