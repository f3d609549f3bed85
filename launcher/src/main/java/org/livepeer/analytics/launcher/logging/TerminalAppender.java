package org.livepeer.analytics.launcher.logging;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * The log lines a person at the terminal should see: warnings and errors, without the known
 * harmless ones ({@link HarmlessWarnings}), each message at most once per interval; the next line
 * of that message says how many were left out. The file has them all. Messages that differ only in
 * their numbers (ids, counts, durations) count as the same message.
 */
final class TerminalAppender extends AbstractAppender {

    static final String NAME = "terminal";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** A cap keeps messages with other variable parts (names, paths) from piling up. */
    private static final int MAX_TRACKED = 1_000;

    private final PrintStream out;
    private final long intervalMs;
    private final LongSupplier clockMs;
    private final Map<String, Seen> seen = new HashMap<>();

    TerminalAppender(PrintStream out, Duration interval, LongSupplier clockMs) {
        super(NAME, null, null, true, Property.EMPTY_ARRAY);
        this.out = out;
        this.intervalMs = interval.toMillis();
        this.clockMs = clockMs;
    }

    @Override
    public void append(LogEvent event) {
        if (!event.getLevel().isMoreSpecificThan(Level.WARN) || HarmlessWarnings.matches(event)) {
            return;
        }
        String message = event.getMessage().getFormattedMessage();
        long left = admit(event.getLoggerName() + '|' + DIGITS.matcher(message).replaceAll("#"));
        if (left < 0) {
            return;
        }
        String line = format(event, message);
        out.println(left == 0 ? line : line + " (" + left + " more like this not shown)");
    }

    /** The number left out since the last line of this message, or -1 to leave this one out. */
    private synchronized long admit(String key) {
        long now = clockMs.getAsLong();
        if (seen.size() >= MAX_TRACKED && !seen.containsKey(key)) {
            seen.clear();
        }
        Seen s = seen.get(key);
        if (s == null) {
            seen.put(key, new Seen(now));
            return 0;
        }
        if (now - s.shownAtMs < intervalMs) {
            s.leftOut++;
            return -1;
        }
        long left = s.leftOut;
        s.shownAtMs = now;
        s.leftOut = 0;
        return left;
    }

    private static String format(LogEvent event, String message) {
        LocalTime time =
                Instant.ofEpochMilli(event.getTimeMillis())
                        .atZone(ZoneId.systemDefault())
                        .toLocalTime();
        String logger = event.getLoggerName();
        StringBuilder line =
                new StringBuilder()
                        .append(TIME.format(time))
                        .append(' ')
                        .append(event.getLevel())
                        .append(' ')
                        .append(logger.substring(logger.lastIndexOf('.') + 1))
                        .append(": ")
                        .append(message);
        if (event.getThrown() != null) {
            line.append(" (").append(event.getThrown()).append(')');
        }
        return line.toString();
    }

    private static final class Seen {
        long shownAtMs;
        long leftOut;

        Seen(long shownAtMs) {
            this.shownAtMs = shownAtMs;
        }
    }

    /**
     * Warnings every start or stop prints that call for no action: Flink's local cluster has no log
     * file for its web UI and no delegation tokens, a fresh KRaft controller bootstraps its
     * metadata log, and at stop Pekko finds the JVM already shutting down and the broker closes a
     * client twice. They stay in the file.
     */
    static final class HarmlessWarnings {

        private record Known(String logger, String fragment) {}

        private static final List<Known> KNOWN =
                List.of(
                        new Known(
                                "org.apache.flink.runtime.security.token."
                                        + "DefaultDelegationTokenManager",
                                ""),
                        new Known("org.apache.flink.runtime.webmonitor.WebMonitorUtils", ""),
                        new Known(
                                "org.apache.kafka.controller.QuorumController",
                                "Performing controller activation."),
                        new Known(
                                "org.apache.pekko.actor.CoordinatedShutdown",
                                "Could not addJvmShutdownHook, due to: Shutdown in progress"),
                        new Known(
                                "org.apache.kafka.clients.NetworkClient",
                                "Attempting to close NetworkClient that has already been closed"));

        private HarmlessWarnings() {}

        static boolean matches(LogEvent event) {
            if (event.getLevel().isMoreSpecificThan(Level.ERROR)) {
                return false;
            }
            String logger = event.getLoggerName();
            String message = event.getMessage().getFormattedMessage();
            return KNOWN.stream()
                    .anyMatch(k -> k.logger().equals(logger) && message.contains(k.fragment()));
        }
    }
}
