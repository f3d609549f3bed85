package org.livepeer.analytics.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package boundaries of the processor's production code (docs/testing.md, "Build gates"). */
@AnalyzeClasses(
        packages = "org.livepeer.analytics.processor",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ROUTE_DOES_NOT_KNOW_THE_SINK =
            noClasses()
                    .that()
                    .resideInAPackage("org.livepeer.analytics.processor.route..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.livepeer.analytics.processor.sink..")
                    .because(
                            "routing decides what an event becomes, not where it is written;"
                                    + " both speak in processor.row's types");

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("org.livepeer.analytics.processor.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule NO_OTHER_SERVICE_CODE =
            noClasses()
                    .that()
                    .resideInAPackage("org.livepeer.analytics.processor..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.livepeer.analytics.gateway..", "org.livepeer.analytics.sse..")
                    .because("the services share contracts (event-model, kafka-wire), not code");
}
