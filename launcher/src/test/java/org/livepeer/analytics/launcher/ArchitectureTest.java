package org.livepeer.analytics.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The package rules of the whole code base, in one place (docs/testing.md, "Build gates"). The
 * launcher's test class path holds the production classes of every module the pipeline runs, so the
 * rules see all of them at once, across modules too. Test code is not checked.
 */
@AnalyzeClasses(
        packages = "org.livepeer.analytics",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "org.livepeer.analytics.";

    /** The three services: they share contracts and libraries, never each other's code. */
    private static final List<String> SERVICES = List.of("gateway", "sse", "processor");

    /** The rules below would pass on nothing: each module's classes must be among those checked. */
    @ArchTest
    static void seesEveryModule(JavaClasses classes) {
        for (String module :
                List.of(
                        "gateway",
                        "sse",
                        "processor",
                        "event",
                        "clickhouse",
                        "kafka",
                        "http",
                        "config",
                        "wire",
                        "launcher")) {
            assertTrue(
                    classes.stream().anyMatch(c -> c.getPackageName().startsWith(BASE + module)),
                    "no production class of " + BASE + module + " on the class path");
        }
    }

    /** Inside each module, feature packages ({@code gateway.config}, {@code sse.fanout}…). */
    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_FEATURE_PACKAGES =
            slices().matching(BASE + "(*).(*)..").should().beFreeOfCycles();

    /** Between modules (Maven forbids cycles of jars; this also catches split packages). */
    @ArchTest
    static final ArchRule NO_CYCLES_BETWEEN_MODULES =
            slices().matching(BASE + "(*)..").should().beFreeOfCycles();

    @ArchTest
    static void servicesShareNoCode(JavaClasses classes) {
        for (String service : SERVICES) {
            noClasses()
                    .that()
                    .resideInAPackage(BASE + service + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            SERVICES.stream()
                                    .filter(other -> !other.equals(service))
                                    .map(other -> BASE + other + "..")
                                    .toArray(String[]::new))
                    .because("the services share contracts (event-model, kafka-wire) and libraries")
                    .check(classes);
        }
    }

    @ArchTest
    static final ArchRule ROUTE_DOES_NOT_KNOW_THE_SINK =
            noClasses()
                    .that()
                    .resideInAPackage(BASE + "processor.route..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(BASE + "processor.sink..")
                    .because(
                            "routing decides what an event becomes, not where it is written;"
                                    + " both speak in processor.row's types");

    /** The SSE API's stream endpoints build on the fan-out; the fan-out knows no endpoint. */
    @ArchTest
    static final ArchRule FANOUT_KNOWS_NO_ENDPOINT =
            noClasses()
                    .that()
                    .resideInAPackage(BASE + "sse.fanout..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(BASE + "sse.stream..");

    /** The SSE API's Kafka side knows nothing of HTTP or of who reads the records. */
    @ArchTest
    static final ArchRule SOURCE_KNOWS_NO_CLIENT =
            noClasses()
                    .that()
                    .resideInAPackage(BASE + "sse.source..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            BASE + "sse.fanout..",
                            BASE + "sse.stream..",
                            BASE + "sse.http..",
                            "io.vertx.ext.web..");

    /** The shared libraries below the services know none of them. */
    @ArchTest
    static final ArchRule LIBRARIES_KNOW_NO_SERVICE =
            noClasses()
                    .that()
                    .resideInAnyPackage(
                            BASE + "http..", BASE + "config..", BASE + "wire..", BASE + "event..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            BASE + "gateway..",
                            BASE + "sse..",
                            BASE + "processor..",
                            BASE + "launcher..");

    @ArchTest
    static final ArchRule EDGE_DOES_NOT_DEPEND_ON_HEALTH =
            noClasses()
                    .that()
                    .resideInAPackage(BASE + "http")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(BASE + "http.health..")
                    .because("health is built on the error writer, not the other way round");
}
