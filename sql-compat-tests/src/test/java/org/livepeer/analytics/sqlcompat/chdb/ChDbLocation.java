package org.livepeer.analytics.sqlcompat.chdb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code libchdb.so} is: system property {@value #PROPERTY}, set by this module's POM to the
 * folder {@code build-tools/fetch-chdb.sh} fills. Missing library: a failure under {@code CI=true}
 * (CI must prove the 26.x line), a skipped test otherwise.
 */
public final class ChDbLocation {
    public static final String PROPERTY = "chdb.library";

    private ChDbLocation() {}

    /** The library's path; fails (CI) or aborts the test (local run) when it is absent. */
    public static Path require() {
        String configured = System.getProperty(PROPERTY, "");
        Path lib = configured.isEmpty() ? null : Path.of(configured);
        boolean present = lib != null && Files.isRegularFile(lib);
        String message =
                "chDB (ClickHouse 26.x) not found at '"
                        + configured
                        + "' (system property "
                        + PROPERTY
                        + "); run build-tools/fetch-chdb.sh";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (required when CI=true)");
        }
        assumeTrue(present, message);
        return lib;
    }
}
