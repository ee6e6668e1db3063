package io.logrouter.layering;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each layering rule reports a deliberate violation: the fixture tree under {@code archfixtures} breaks every rule once,
 * and the rule must name the offending class and what it reached into.
 */
class LayeringRulesTest {

    private static final String FIXTURES = "io.logrouter.layering.archfixtures";

    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    static Stream<Arguments> violations() {
        return Stream.of(
                violation(LayeringRules::stagesMeetOnlyThroughEvent, "sources.tail.TailReachingIntoSink",
                        "sinks.file.FileSink"),
                violation(LayeringRules::stagesMeetOnlyThroughEvent, "transforms.router.RouterReachingIntoSink",
                        "sinks.file.FileSink"),
                violation(LayeringRules::stagesMeetOnlyThroughEvent, "sinks.file.SinkReachingIntoSource",
                        "sources.SourceShared"),
                violation(LayeringRules::leavesDependOnNothingElseOfTheRouter, "event.EventReachingIntoTransform",
                        "transforms.router.RouterReachingIntoSink"),
                violation(LayeringRules::leavesDependOnNothingElseOfTheRouter, "paths.PathsReachingIntoReload",
                        "reload.ReloaderReachingIntoSource"),
                violation(LayeringRules::onlyStagesDependOnStages, "reload.ReloaderReachingIntoSource",
                        "sources.SourceShared"),
                violation(LayeringRules::onlyStagesDependOnStages, "support.SupportReachingIntoSink",
                        "sinks.file.FileSink"),
                violation(LayeringRules::stageSharedCodeDependsOnNoImplementation, "sinks.SinkSharedReachingIntoFile",
                        "sinks.file.FileSink"));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("violations")
    void theRuleReportsTheViolation(Function<String, ArchRule> rule, String from, String to) {
        List<String> details = rule.apply(FIXTURES).evaluate(CLASSES).getFailureReport().getDetails();
        assertTrue(details.stream().anyMatch(line -> line.contains("<" + FIXTURES + "." + from + ".")
                        && line.contains("<" + FIXTURES + "." + to + ">")),
                "no violation " + from + " -> " + to + " in " + details);
    }

    private static Arguments violation(Function<String, ArchRule> rule, String from, String to) {
        return Arguments.of(rule, from, to);
    }
}
