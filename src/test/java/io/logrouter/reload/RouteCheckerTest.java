package io.logrouter.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The route checker, as a route repository's CI runs it: no router, no server, every problem with its line. */
class RouteCheckerTest {

    private static final Path BROKEN = Path.of("src/test/resources/io/logrouter/reload/broken");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "invalid-yaml.yaml       | 8 | while scanning a quoted scalar (line 5): found unexpected end of stream",
            "unknown-component.yaml  | 7 | unknown component 'nosuch'",
            "missing-bean-class.yaml | 3 | class io.logrouter.transforms.parse.NoSuchParser not found",
            "missing-bean.yaml       | 6 | no bean named 'nobodyBoundThis'",
            "script-language.yaml    | 7 | language 'groovy' is not allowed",
            "unknown-option.yaml     | 6 | Unknown parameters=[{noSuchOption=1}]",
            "unknown-step.yaml       | 6 | Unknown node id: noSuchStep",
            "class-component.yaml    | 6 | component 'class' is not allowed",
            "foreign-bean.yaml       | 3 | type java.lang.ProcessBuilder is not in an allowed package",
            "rest-definition.yaml    | 8 | is not supported in a reloadable routes file",
            "template-unknown-component.yaml  | 9  | :11): unknown component 'nosuch' in endpoint {{sink}}",
            "template-foreign-bean.yaml       | 5  | values make Camel look up or create objects",
            "template-missing-parameter.yaml  | 11 | template 'broken-template-parameter' needs parameter(s) [sink]",
    })
    void rejectsABrokenFileAtItsLine(String name, int line, String message) throws Exception {
        Path file = BROKEN.resolve(name);

        List<RouteProblem> problems = RouteChecker.check(List.of(file));

        assertEquals(1, problems.size(), problems.toString());
        RouteProblem problem = problems.get(0);
        assertEquals(file.toString(), problem.file());
        assertEquals(line, problem.line(), problem.toString());
        assertTrue(problem.message().contains(message), problem.toString());
    }

    @Test
    void acceptsEveryFileOfTheRoutesFolder() throws Exception {
        assertEquals(List.of(), RouteChecker.check(List.of(Path.of("routes"))));
    }

    @Test
    void acceptsTheReplayExampleWithTheTemplateOfAnotherFile() throws Exception {
        assertEquals(List.of(), RouteChecker.check(List.of(Path.of("routes"),
                Path.of("routes/examples/dead-letter-replay.yaml"))));
    }

    @Test
    void rejectsATemplatedRouteWhoseTemplateIsNotLoaded() throws Exception {
        List<RouteProblem> problems = RouteChecker.check(List.of(Path.of("routes/examples/dead-letter-replay.yaml")));

        assertEquals(List.of("routes/examples/dead-letter-replay.yaml:33: no bean named 'deadLetterRecords'",
                "routes/examples/dead-letter-replay.yaml:44: no bean named 'deadLetterSettled'",
                "routes/examples/dead-letter-replay.yaml:15: templated route 'dead-letter-replay': no route template"
                + " 'kafka-to-elasticsearch' is loaded"), problems.stream().map(RouteProblem::toString).toList());
    }

    @Test
    void printsFileColonLineAndExitsNonZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = RouteChecker.run(List.of("routes", BROKEN.toString()), new PrintStream(out, true,
                StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed);
        assertTrue(printed.contains(BROKEN.resolve("missing-bean.yaml") + ":6: no bean named 'nobodyBoundThis'"),
                printed);
        assertTrue(printed.contains("13 problem(s)"), printed);
        assertEquals(0, RouteChecker.run(List.of("routes"), new PrintStream(new ByteArrayOutputStream())));
    }
}
