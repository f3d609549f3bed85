package org.livepeer.analytics.launcher.restart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.livepeer.analytics.launcher.AnalyticsMain;
import org.livepeer.analytics.testkit.launch.LaunchedPipeline;

/**
 * The launcher a test runs as {@code ./analytics up} does (this module's class path, the script's
 * collector), one at a time; one that a failed test left running is killed with its process group.
 */
final class LauncherUnderTest implements AfterEachCallback, AfterAllCallback {

    private static final LaunchedPipeline.Command COMMAND =
            new LaunchedPipeline.Command(
                    List.of("-XX:+UseParallelGC"),
                    System.getProperty("java.class.path"),
                    AnalyticsMain.class.getName());

    private final boolean sharedByTheClass;
    private LaunchedPipeline current;

    private LauncherUnderTest(boolean sharedByTheClass) {
        this.sharedByTheClass = sharedByTheClass;
    }

    /** For an instance field: each test starts its own. */
    static LauncherUnderTest perTest() {
        return new LauncherUnderTest(false);
    }

    /** For a static field: the tests of the class share one. */
    static LauncherUnderTest perClass() {
        return new LauncherUnderTest(true);
    }

    LaunchedPipeline start(Path home, Map<String, String> ports, Path stderrLog)
            throws IOException {
        current = LaunchedPipeline.start(COMMAND, home, ports, stderrLog, null);
        return current;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!sharedByTheClass) {
            killLeftover();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        killLeftover();
    }

    private void killLeftover() throws Exception {
        if (current != null) {
            current.killIfAlive();
        }
    }
}
