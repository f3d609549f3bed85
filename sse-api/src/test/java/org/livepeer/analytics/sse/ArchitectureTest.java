package org.livepeer.analytics.sse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package boundaries of the SSE API's production code (docs/testing.md, "Build gates"). */
@AnalyzeClasses(
        packages = "org.livepeer.analytics.sse",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES =
            slices().matching("org.livepeer.analytics.sse.(*)..").should().beFreeOfCycles();

    /** The stream endpoints build on the fan-out; the fan-out knows no endpoint. */
    @ArchTest
    static final ArchRule FANOUT_KNOWS_NO_ENDPOINT =
            noClasses()
                    .that()
                    .resideInAPackage("org.livepeer.analytics.sse.fanout..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.livepeer.analytics.sse.stream..");

    /** The Kafka side knows nothing of HTTP or of who reads the records. */
    @ArchTest
    static final ArchRule SOURCE_KNOWS_NO_CLIENT =
            noClasses()
                    .that()
                    .resideInAPackage("org.livepeer.analytics.sse.source..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.livepeer.analytics.sse.fanout..",
                            "org.livepeer.analytics.sse.stream..",
                            "org.livepeer.analytics.sse.http..",
                            "io.vertx.ext.web..");

    @ArchTest
    static final ArchRule NO_OTHER_SERVICE_CODE =
            noClasses()
                    .that()
                    .resideInAPackage("org.livepeer.analytics.sse..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.livepeer.analytics.gateway..",
                            "org.livepeer.analytics.processor..")
                    .because("the services share contracts and the HTTP edge, not code");
}
