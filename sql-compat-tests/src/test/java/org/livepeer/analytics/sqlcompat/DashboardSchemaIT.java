package org.livepeer.analytics.sqlcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.sqlcompat.grafana.GrafanaFiles;

/**
 * The dashboards type-check against @grafana/schema of the pinned Grafana (tsc, through
 * build-tools/check-dashboards.sh, which fetches the npm packages into .cache/grafana-npm/), and
 * the check fails on a dashboard that does not. Without node and npm the test fails under {@code
 * CI=true} and is skipped locally, like the chDB tests.
 */
class DashboardSchemaIT {
    private static final long TIMEOUT_MINUTES = 5;

    record Result(int exit, String output) {}

    @BeforeAll
    static void needsNode() {
        boolean present = onPath("node") && onPath("npm");
        String message =
                "node and npm are needed to type-check the dashboards (apt-get install npm)";
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (required when CI=true)");
        }
        assumeTrue(present, message);
    }

    @Test
    void dashboardsMatchTheGrafanaSchema() throws Exception {
        Result r = check(GrafanaFiles.root().resolve("grafana/dashboards"));
        assertEquals(0, r.exit(), "build-tools/check-dashboards.sh failed:\n" + r.output());
        assertTrue(r.output().contains("match @grafana/schema"), r.output());
    }

    @Test
    void anUnknownFieldFailsTheCheck(@TempDir Path dir) throws Exception {
        Path source = GrafanaFiles.root().resolve("grafana/dashboards/network-overview.json");
        String json = Files.readString(source, StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("broken.json"),
                json.replaceFirst(
                        "\"gridPos\": \\{", "\"gridPosition\": {\"x\": 0}, \"gridPos\": {"));
        Result r = check(dir);
        assertNotEquals(0, r.exit(), "a misspelt panel field passed:\n" + r.output());
        assertTrue(r.output().contains("gridPosition"), r.output());
    }

    private static Result check(Path dashboards) throws IOException, InterruptedException {
        Path script = GrafanaFiles.root().resolve("build-tools/check-dashboards.sh");
        Process p =
                new ProcessBuilder(List.of("bash", script.toString(), dashboards.toString()))
                        .redirectErrorStream(true)
                        .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(
                    "check-dashboards.sh did not finish in " + TIMEOUT_MINUTES + " min");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
