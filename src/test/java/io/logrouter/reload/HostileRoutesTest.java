package io.logrouter.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The attacks on the routes folder (issue 13), each a file under hostile/: every one is refused by the route checker
 * and by a reloader on a guarded Camel context, with a line, and none of them ran. Each attack tries to create
 * {@code target/hostile/<file>.marker} or to set the system property {@code logrouter.hostile.<file>}; the folder
 * exists, so an attack that ran would leave its marker. Those that try to read a secret must not show it.
 */
class HostileRoutesTest {

    private static final Path HOSTILE = Path.of("src/test/resources/io/logrouter/reload/hostile");
    private static final Path MARKERS = Path.of("target/hostile");
    private static final String SECRET = "hostile-test-secret-token";

    @BeforeAll
    static void secretsAndMarkerFolder() throws Exception {
        Files.createDirectories(MARKERS);
        System.setProperty("logrouter.http.auth.tokens", SECRET);
        System.setProperty("logrouter.kinesis.secret-key", SECRET);
    }

    @AfterAll
    static void noSecrets() {
        System.clearProperty("logrouter.http.auth.tokens");
        System.clearProperty("logrouter.kinesis.secret-key");
    }

    static Stream<Path> files() throws Exception {
        try (Stream<Path> files = Files.list(HOSTILE)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void theCheckerRefusesItAtItsLine(Path file) throws Exception {
        List<RouteProblem> problems = RouteChecker.check(List.of(file));

        assertFalse(problems.isEmpty(), file + " passed the checker");
        assertTrue(problems.stream().allMatch(problem -> problem.file().equals(file.toString())), problems.toString());
        assertTrue(problems.stream().anyMatch(problem -> problem.line() > 0), problems.toString());
        assertNoSecretIn(problems);
        assertNothingRan(file);
    }

    @ParameterizedTest
    @MethodSource("files")
    void theReloaderRefusesItAndNothingRuns(Path file) throws Exception {
        RouteAllowList allowList = RouteAllowList.from(RouteChecker.applicationConfig());
        try (DefaultCamelContext context = RouteChecker.guardedContext(RouteChecker.applicationConfig(), allowList)) {
            context.start();
            RouteReloader reloader = new RouteReloader(context, allowList, Duration.ofSeconds(5));

            RouteFileStatus status = reloader.reconcile(List.of(RouteFile.read(file))).get(0);

            assertEquals(RouteFileStatus.Result.REJECTED, status.lastResult(), status.toString());
            assertTrue(status.problems().stream().anyMatch(problem -> problem.line() > 0), status.toString());
            assertNoSecretIn(status.problems());
            assertNull(context.getRoute("hostile"));
            assertEquals(List.of(), context.getRoutes());
            assertNothingRan(file);
        }
    }

    private static void assertNoSecretIn(List<RouteProblem> problems) {
        for (RouteProblem problem : problems) {
            assertFalse(problem.message().contains(SECRET), problem.toString());
            assertFalse(problem.message().contains(System.getProperty("user.home") + "/"), problem.toString());
        }
    }

    private static void assertNothingRan(Path file) {
        String name = file.getFileName().toString().replace(".yaml", "");
        assertFalse(Files.exists(MARKERS.resolve(name + ".marker")), name + " created its marker");
        assertNull(System.getProperty("logrouter.hostile." + name), name + " set its system property");
    }
}
