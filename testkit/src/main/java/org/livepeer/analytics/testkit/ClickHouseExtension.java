package org.livepeer.analytics.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.commons.support.AnnotationSupport;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;

/** Backs {@link WithClickHouse}: one server per test class, injected as a parameter. */
public final class ClickHouseExtension extends ClassFixtureExtension<ClickHouseTestServer>
        implements TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ClickHouseExtension.class);

    @Override
    ClickHouseTestServer fixture(ExtensionContext context) {
        return server(context);
    }

    @Override
    boolean injects(Class<?> type) {
        return type == ClickHouseTestServer.class || type == ClickHouseServerProcess.class;
    }

    @Override
    Object inject(ClickHouseTestServer server, Class<?> type) {
        return type == ClickHouseServerProcess.class ? server.process() : server;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        ClickHouseTestServer server =
                ClassScope.store(context, NAMESPACE)
                        .get(ClickHouseTestServer.class, ClickHouseTestServer.class);
        if (server != null) {
            server.keepDataDir();
            // Printed, not logged: the path must reach the console whatever logger the module uses.
            System.err.println(
                    "[testkit] "
                            + context.getDisplayName()
                            + " failed; ClickHouse logs kept in "
                            + server.logDir());
        }
    }

    /** The server of the test class that {@code context} belongs to, started on first use. */
    public static ClickHouseTestServer server(ExtensionContext context) {
        ExtensionContext scope = ClassScope.topLevelClass(context);
        boolean migrate =
                scope.getTestClass()
                        .flatMap(c -> AnnotationSupport.findAnnotation(c, WithClickHouse.class))
                        .map(WithClickHouse::migrate)
                        .orElse(true);
        return scope.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        ClickHouseTestServer.class,
                        k -> ClickHouseTestServer.start(migrate),
                        ClickHouseTestServer.class);
    }
}
