package io.logrouter.layering;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The router's own classes (not its tests, which may cross stages end to end) keep the layering of LayeringRules. */
@AnalyzeClasses(packages = LayeringTest.ROUTER, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    static final String ROUTER = "io.logrouter";

    @ArchTest
    static final ArchRule STAGES = LayeringRules.stagesMeetOnlyThroughEvent(ROUTER);

    @ArchTest
    static final ArchRule LEAVES = LayeringRules.leavesDependOnNothingElseOfTheRouter(ROUTER);

    @ArchTest
    static final ArchRule ONLY_STAGES_DEPEND_ON_STAGES = LayeringRules.onlyStagesDependOnStages(ROUTER);

    @ArchTest
    static final ArchRule STAGE_SHARED_CODE = LayeringRules.stageSharedCodeDependsOnNoImplementation(ROUTER);
}
