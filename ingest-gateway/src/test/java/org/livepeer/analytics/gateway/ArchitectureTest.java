package org.livepeer.analytics.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package boundaries of the gateway's production code (docs/testing.md, "Build gates"). */
@AnalyzeClasses(
        packages = "org.livepeer.analytics.gateway",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("org.livepeer.analytics.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule NO_OTHER_SERVICE_CODE =
            noClasses()
                    .that()
                    .resideInAPackage("org.livepeer.analytics.gateway..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.livepeer.analytics.sse..", "org.livepeer.analytics.processor..")
                    .because("the services share contracts (event-model, kafka-wire), not code");
}
