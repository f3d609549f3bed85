package org.livepeer.analytics.launcher.restart;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.testkit.launch.LaunchedPipeline;

/**
 * {@code ./analytics up} as a person sees it (README, "Logs"): the terminal shows the status lines
 * and the URLs, and stays quiet while the job checkpoints; every component's log lines go to {@code
 * ANALYTICS_HOME/logs/analytics.log}, whose path is printed first.
 */
class TerminalOutputIT {

    private static final Duration START = Duration.ofMinutes(3);
    private static final int CHECKPOINTS = 10;

    /** What the terminal may show during a clean start, idle time and stop. */
    private static final List<Pattern> EXPECTED =
            Stream.of(
                            "logs: .*",
                            "\\[ (ok|\\.\\.) \\] .*",
                            "",
                            "livepeer-analytics is running\\. .*",
                            "  [a-z-]+: +.*",
                            "stopping…",
                            // One line per component stopped, in order; a failed stop is a problem.
                            "\\[stop\\] [a-z.-]+ ++(?!did not stop cleanly).*",
                            "stopped\\.")
                    .map(Pattern::compile)
                    .toList();

    /** A log line as the terminal shows it: time, level, logger, message. */
    private static final Pattern WARNING =
            Pattern.compile("\\d\\d:\\d\\d:\\d\\d (WARN|ERROR) [\\w$]+: .*");

    /** Start-up warnings that call for no action, and Flink's metric name collision. */
    private static final Pattern HARMLESS =
            Pattern.compile(
                    "DefaultDelegationTokenManager|WebMonitorUtils|controller activation"
                            + "|Name collision");

    // Kept when the test fails: the launcher's logs are the evidence.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path home;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path terminal;

    @RegisterExtension final LauncherUnderTest launcher = LauncherUnderTest.perTest();

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void terminalShowsStatusAndUrlsOnlyAndTheLogFileHasEverything() throws Exception {
        Map<String, String> env = LaunchedPipeline.freePorts();
        // Checkpoints every second: Flink's metric name collision was logged at each one.
        env.put("PROCESSOR_CHECKPOINT_INTERVAL_MS", "1000");
        Path stderr = terminal.resolve("stderr.txt");
        Path log = home.resolve("logs").resolve("analytics.log");

        LaunchedPipeline up = launcher.start(home, env, stderr);
        up.awaitLine("\\[ ok \\] ready", START);
        up.awaitLine("credentials: ", Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> completedCheckpoints(log) >= CHECKPOINTS);
        up.terminate(Duration.ofSeconds(90));
        up.awaitLine("^stopped\\.$", Duration.ofSeconds(5));

        String all = up.output() + "\n" + Files.readString(stderr);
        List<String> problems =
                all.lines()
                        .filter(l -> EXPECTED.stream().noneMatch(p -> p.matcher(l).matches()))
                        .toList();
        // A loaded machine may cause a real warning (e.g. a blocked event loop): shown once.
        assertEquals(
                List.of(),
                problems.stream().filter(l -> !WARNING.matcher(l).matches()).toList(),
                "the terminal showed more than status lines and warnings:\n" + all);
        assertEquals(
                List.of(),
                problems.stream().filter(l -> HARMLESS.matcher(l).find()).toList(),
                "known harmless warnings on the terminal:\n" + all);
        assertEquals(
                problems.size(),
                problems.stream()
                        .map(l -> l.substring(9).replaceAll("\\d+", "#"))
                        .distinct()
                        .count(),
                "a warning repeated on the terminal:\n" + all);
        assertTrue(up.output().startsWith("logs: " + log + " "), up.output());
        String file = Files.readString(log);
        assertTrue(file.contains(" org.apache.flink."), "no Flink lines in the log file");
        assertTrue(file.contains(" org.apache.kafka."), "no Kafka lines in the log file");
        assertFalse(file.contains("Name collision"), "Flink's metric name collision is back");
    }

    private static long completedCheckpoints(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("Completed checkpoint")).count();
        }
    }
}
