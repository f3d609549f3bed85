package org.livepeer.analytics.clickhouse;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package boundaries of clickhouse's production code (docs/testing.md, "Build gates"). */
@AnalyzeClasses(
        packages = "org.livepeer.analytics.clickhouse",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("org.livepeer.analytics.clickhouse.(*)..").should().beFreeOfCycles();
}
