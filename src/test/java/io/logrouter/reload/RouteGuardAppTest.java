package io.logrouter.reload;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

/** The guard in the running router: installed in its context, refusing the hostile files dropped in its folder. */
@QuarkusTest
@TestProfile(RouteReloadTestProfile.class)
class RouteGuardAppTest {

    private static final Path HOSTILE = Path.of("src/test/resources/io/logrouter/reload/hostile");
    private static final Path MARKERS = Path.of("target/hostile");

    @Inject
    CamelContext context;
    @Inject
    RouteFolderWatcher watcher;
    @Inject
    MeterRegistry meters;

    @Test
    void theRoutersContextIsGuarded() {
        assertInstanceOf(DataOnlySimpleLanguage.class, context.resolveLanguage("simple"));
        assertThrows(Exception.class, () -> context.getEndpoint("class:java.lang.System"));
        assertThrows(Exception.class, () -> context.resolvePropertyPlaceholders("{{logrouter.http.auth.tokens}}"));
    }

    @Test
    void everyHostileFileDroppedInTheFolderIsRejectedAndNothingRuns() throws Exception {
        Files.createDirectories(RouteReloadTestProfile.ROUTES);
        Files.createDirectories(MARKERS);
        List<Path> files;
        try (Stream<Path> hostile = Files.list(HOSTILE)) {
            files = hostile.sorted().toList();
        }
        for (Path file : files) {
            Files.copy(file, RouteReloadTestProfile.ROUTES.resolve("hostile-" + file.getFileName()));
        }
        try {
            for (Path file : files) {
                String location = RouteReloadTestProfile.ROUTES.resolve("hostile-" + file.getFileName()).toString();
                await().atMost(Duration.ofSeconds(60)).until(() -> status(location).isPresent());
                assertEquals(RouteFileStatus.Result.REJECTED, status(location).get().lastResult(), location);
                String name = file.getFileName().toString().replace(".yaml", "");
                assertFalse(Files.exists(MARKERS.resolve(name + ".marker")), name);
                assertNull(System.getProperty("logrouter.hostile." + name), name);
            }
            assertNull(context.getRoute("hostile"));
        } finally {
            for (Path file : files) {
                Files.delete(RouteReloadTestProfile.ROUTES.resolve("hostile-" + file.getFileName()));
            }
        }
    }

    @Test
    void aComputedEndpointToClassFailsItsExchangeCountedAndRunsNothing() throws Exception {
        Files.createDirectories(RouteReloadTestProfile.ROUTES);
        Path file = RouteReloadTestProfile.ROUTES.resolve("guard-computed.yaml");
        Files.writeString(file, """
                - route:
                    id: guard-computed
                    from:
                      uri: direct:guard-computed
                      steps:
                        - toD: "${header.target}"
                """);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> status(file.toString())
                    .filter(status -> status.lastResult() == RouteFileStatus.Result.LOADED).isPresent());
            double before = refusals();

            assertThrows(CamelExecutionException.class, () -> context.createProducerTemplate().sendBodyAndHeader(
                    "direct:guard-computed", "event", "target",
                    "class:java.lang.System?method=setProperty('logrouter.hostile.app-computed','ran')"));

            assertEquals(before + 1, refusals());
            assertNull(System.getProperty("logrouter.hostile.app-computed"));
        } finally {
            Files.delete(file);
        }
    }

    private double refusals() {
        Counter counter = meters.find(RouteGuard.REFUSALS).tag("kind", "component").counter();
        return counter == null ? 0 : counter.count();
    }

    private Optional<RouteFileStatus> status(String location) {
        return watcher.statuses().stream().filter(status -> status.file().equals(location)).findFirst();
    }
}
