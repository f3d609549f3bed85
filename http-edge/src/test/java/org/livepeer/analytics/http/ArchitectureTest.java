package org.livepeer.analytics.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package boundaries of the shared HTTP edge (docs/testing.md, "Build gates"). */
@AnalyzeClasses(
        packages = "org.livepeer.analytics.http",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("org.livepeer.analytics.http.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule KNOWS_NO_SERVICE =
            noClasses()
                    .that()
                    .resideInAPackage("org.livepeer.analytics.http..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.livepeer.analytics.gateway..",
                            "org.livepeer.analytics.sse..",
                            "org.livepeer.analytics.processor..")
                    .because("both services use the edge; it knows neither");

    @ArchTest
    static final ArchRule EDGE_DOES_NOT_DEPEND_ON_HEALTH =
            noClasses()
                    .that()
                    .resideInAPackage("org.livepeer.analytics.http")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.livepeer.analytics.http.health..")
                    .because("health is built on the error writer, not the other way round");
}
