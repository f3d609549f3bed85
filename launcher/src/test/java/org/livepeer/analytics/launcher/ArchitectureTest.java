package org.livepeer.analytics.launcher;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package boundaries of launcher's production code (docs/testing.md, "Build gates"). */
@AnalyzeClasses(
        packages = "org.livepeer.analytics.launcher",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("org.livepeer.analytics.launcher.(*)..").should().beFreeOfCycles();
}
