package org.livepeer.analytics.launcher.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

class TerminalAppenderTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final TerminalAppender terminal =
            new TerminalAppender(
                    new PrintStream(out, true, StandardCharsets.UTF_8), MINUTE, now::get);

    @Test
    void showsWarningsAndErrorsOnly() {
        terminal.append(event("org.livepeer.A", Level.INFO, "started on {}", 8080));
        terminal.append(event("org.livepeer.A", Level.DEBUG, "detail"));
        terminal.append(event("org.livepeer.A", Level.WARN, "Kafka unreachable: {}", "refused"));
        terminal.append(event("org.livepeer.B", Level.ERROR, "batch failed"));
        assertEquals(2, lines().size(), lines().toString());
        assertTrue(lines().get(0).endsWith("WARN A: Kafka unreachable: refused"), lines().get(0));
        assertTrue(lines().get(1).endsWith("ERROR B: batch failed"), lines().get(1));
    }

    @Test
    void theSameMessageAtMostOncePerIntervalThenWithTheCountLeftOut() {
        // A warning every 2 s for a minute, as Flink's metric name collision did at each
        // checkpoint.
        for (int i = 0; i < 30; i++) {
            terminal.append(
                    event(
                            "org.apache.flink.metrics.MetricGroup",
                            Level.WARN,
                            "Name collision: checkpoint " + i));
            now.addAndGet(2_000);
        }
        assertEquals(1, lines().size(), lines().toString());
        // Another message is not held back by the first one's interval.
        terminal.append(event("org.livepeer.A", Level.WARN, "other"));
        assertEquals(2, lines().size());
        // Past the interval: shown again, with the 29 left out since.
        terminal.append(
                event(
                        "org.apache.flink.metrics.MetricGroup",
                        Level.WARN,
                        "Name collision: checkpoint 99"));
        assertEquals(3, lines().size());
        assertTrue(
                lines().get(2)
                        .endsWith("Name collision: checkpoint 99 (29 more like this not shown)"),
                lines().get(2));
    }

    @Test
    void knownHarmlessStartAndStopWarningsStayInTheFileButErrorsFromThoseLoggersShow() {
        terminal.append(
                event(
                        "org.apache.flink.runtime.webmonitor.WebMonitorUtils",
                        Level.WARN,
                        "Log file environment variable 'log.file' is not set."));
        terminal.append(
                event(
                        "org.apache.flink.runtime.security.token.DefaultDelegationTokenManager",
                        Level.WARN,
                        "No tokens obtained so skipping notifications"));
        terminal.append(
                event(
                        "org.apache.kafka.controller.QuorumController",
                        Level.WARN,
                        "[QuorumController id=1] Performing controller activation. The metadata"
                                + " log appears to be empty."));
        assertEquals(List.of(), lines());
        terminal.append(
                event(
                        "org.apache.kafka.controller.QuorumController",
                        Level.WARN,
                        "Controller fenced"));
        terminal.append(
                event("org.apache.flink.runtime.webmonitor.WebMonitorUtils", Level.ERROR, "x"));
        assertEquals(2, lines().size(), lines().toString());
    }

    @Test
    void anExceptionShowsAsOneLine() {
        LogEvent e =
                Log4jLogEvent.newBuilder()
                        .setLoggerName("org.livepeer.A")
                        .setLevel(Level.ERROR)
                        .setMessage(new ParameterizedMessage("failed: {}", "boom"))
                        .setThrown(new IllegalStateException("boom"))
                        .setTimeMillis(now.get())
                        .build();
        terminal.append(e);
        assertEquals(1, lines().size());
        assertTrue(
                lines().get(0).endsWith("failed: boom (java.lang.IllegalStateException: boom)"),
                lines().get(0));
    }

    private LogEvent event(String logger, Level level, String format, Object... args) {
        return Log4jLogEvent.newBuilder()
                .setLoggerName(logger)
                .setLevel(level)
                .setMessage(new ParameterizedMessage(format, args))
                .setTimeMillis(now.get())
                .build();
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
