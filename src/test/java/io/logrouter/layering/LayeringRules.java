package io.logrouter.layering;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The router's layering, for the package tree under {@code root} (the router's own, or a fixture tree that breaks each
 * rule on purpose):
 * <ul>
 * <li>the stages (sources, transforms, sinks) meet only through the event model and the exchange: no stage depends on
 * another;</li>
 * <li>the event model and the support packages shared by several stages ({@code paths}, {@code aws},
 * {@code management}) depend on nothing else of the router;</li>
 * <li>nothing but a stage depends on a stage: not the reloader (a stage may ask it whether a reload is under way, it
 * asks none), and not a package added later beside them;</li>
 * <li>what the implementations of one stage share lives in the stage's own package, which depends on none of them.</li>
 * </ul>
 */
final class LayeringRules {

    static final List<String> STAGES = List.of("sources", "transforms", "sinks");

    static final List<String> LEAVES = List.of("event", "paths", "aws", "management");

    private LayeringRules() {
    }

    static ArchRule stagesMeetOnlyThroughEvent(String root) {
        return all(STAGES.stream().map(stage -> noClasses().that().resideInAPackage(tree(root, stage))
                .should().dependOnClassesThat().resideInAnyPackage(STAGES.stream().filter(other -> !other.equals(stage))
                        .map(other -> tree(root, other)).toArray(String[]::new))
                .as("the " + stage + " depend on no other stage")).toList());
    }

    static ArchRule leavesDependOnNothingElseOfTheRouter(String root) {
        return all(LEAVES.stream().map(leaf -> noClasses().that().resideInAPackage(tree(root, leaf))
                .should().dependOnClassesThat(resideInAPackage(tree(root, "")).and(not(resideInAPackage(tree(root, leaf)))))
                .as("the package " + leaf + " depends on nothing else of the router")).toList());
    }

    /** The reloader among them: a stage may ask it whether a reload is under way, it asks no stage. */
    static ArchRule onlyStagesDependOnStages(String root) {
        String[] stages = STAGES.stream().map(stage -> tree(root, stage)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(tree(root, "")).and().resideOutsideOfPackages(stages)
                .should().dependOnClassesThat().resideInAnyPackage(stages)
                .as("nothing but a stage depends on a stage (the reloader, event/ and the support packages do not)");
    }

    static ArchRule stageSharedCodeDependsOnNoImplementation(String root) {
        return all(STAGES.stream().map(stage -> noClasses().that().resideInAPackage(root + "." + stage)
                .should().dependOnClassesThat(resideInAPackage(tree(root, stage))
                        .and(not(resideInAnyPackage(root + "." + stage))))
                .as("the shared code of the " + stage + " depends on none of them")).toList());
    }

    /** The package and everything below it; with an empty name, the whole tree. */
    private static String tree(String root, String name) {
        return name.isEmpty() ? root + ".." : root + "." + name + "..";
    }

    private static ArchRule all(List<ArchRule> rules) {
        CompositeArchRule composite = CompositeArchRule.of(rules.get(0));
        for (ArchRule rule : rules.subList(1, rules.size())) {
            composite = composite.and(rule);
        }
        return composite;
    }
}
