package org.livepeer.analytics.launcher.logging;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * The launcher's logging (docs/configuration.md, "Logs"): every component's log lines in a rotating
 * file under {@code ANALYTICS_HOME/logs/}, and the ones that are real problems on the terminal.
 * Must run before anything logs: Log4j reads its configuration once.
 */
public final class LauncherLogs {

    static final String CONFIG = "org/livepeer/analytics/launcher/logging/log4j2-launcher.xml";
    static final String LOG_DIR_PROPERTY = "analytics.logs.dir";
    static final String CONFIG_PROPERTY = "log4j2.configurationFile";
    static final Duration TERMINAL_INTERVAL = Duration.ofMinutes(1);

    private LauncherLogs() {}

    /**
     * Sends all logs to {@code home/logs/analytics.log} and warnings and errors to {@code
     * terminal}.
     *
     * @return the log file
     */
    public static Path start(Path home, PrintStream terminal) {
        Path dir = home.resolve("logs");
        System.setProperty(LOG_DIR_PROPERTY, dir.toString());
        if (System.getProperty(CONFIG_PROPERTY) == null) {
            // A file of the user's own (-Dlog4j2.configurationFile) wins.
            System.setProperty(CONFIG_PROPERTY, CONFIG);
        }
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        TerminalAppender appender =
                new TerminalAppender(terminal, TERMINAL_INTERVAL, System::currentTimeMillis);
        appender.start();
        config.addAppender(appender);
        config.getRootLogger().addAppender(appender, Level.WARN, null);
        context.updateLoggers();
        return dir.resolve("analytics.log");
    }
}
