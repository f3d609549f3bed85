package org.livepeer.analytics.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.clickhouse.rollup.RollupBackfill;
import org.livepeer.analytics.clickhouse.schema.MigrationReport;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.config.ConfigReader;
import org.livepeer.analytics.config.KafkaKey;
import org.livepeer.analytics.launcher.logging.LauncherLogs;
import org.livepeer.analytics.processor.config.ProcessorKey;
import org.slf4j.LoggerFactory;

/**
 * {@code ./analytics up | migrate | rollups}: the embedded default, the stand-alone migrator and
 * the rollup backfill.
 */
public final class AnalyticsMain {

    private AnalyticsMain() {}

    public static void main(String[] args) {
        String command = args.length == 0 ? "up" : args[0];
        int exit;
        try {
            exit =
                    switch (command) {
                        case "up" -> up(System.getenv());
                        case "migrate" -> migrate(System.getenv());
                        case "rollups" -> rollups(System.getenv(), args);
                        default -> {
                            System.err.println(
                                    "unknown command '" + command + "' (up, migrate, rollups)");
                            yield 2;
                        }
                    };
        } catch (IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage());
            exit = 2;
        } catch (Exception e) {
            LoggerFactory.getLogger(AnalyticsMain.class).error("failed: {}", e.getMessage(), e);
            exit = 1;
        }
        // Kafka and Vert.x threads are not daemons: leave explicitly.
        System.exit(exit);
    }

    private static int up(Map<String, String> env) throws Exception {
        LauncherConfig config = LauncherConfig.fromEnv(env);
        // Before anything logs: the components' loggers are created as they start.
        Path log = LauncherLogs.start(config.home(), System.err);
        System.out.println("logs: " + log + " (warnings and errors also here)");
        EmbeddedPipeline pipeline = new EmbeddedPipeline(config, env, new StatusLine(System.out));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    System.out.println("stopping…");
                                    pipeline.close();
                                    System.out.println("stopped.");
                                    stopped.countDown();
                                },
                                "analytics-shutdown"));
        // On failure, the shutdown hook (run by System.exit in main) stops whatever had started.
        pipeline.start();
        stopped.await();
        return 0;
    }

    private static int migrate(Map<String, String> env) {
        LauncherLogs.start(LauncherConfig.fromEnv(env).home(), System.err);
        ConfigReader r = new ConfigReader(env);
        Migrator migrator = new Migrator(admin(r));
        String cluster = r.raw(LauncherKey.CLICKHOUSE_CLUSTER).strip();
        MigrationReport report =
                (cluster.isEmpty() ? migrator : migrator.onCluster(cluster)).migrate();
        System.out.println("migrations: " + report);
        return 0;
    }

    /**
     * {@code rollups [from-day [to-day]]} (UTC dates, to-day exclusive; default: everything):
     * recomputes the rollups' hours that hold rows, e.g. after a migration added a rollup
     * (docs/operations.md, "Rollups").
     */
    private static int rollups(Map<String, String> env, String[] args) {
        LauncherLogs.start(LauncherConfig.fromEnv(env).home(), System.err);
        ConfigReader r = new ConfigReader(env);
        Instant from = args.length > 1 ? day(args[1]) : Instant.EPOCH;
        Instant to = args.length > 2 ? day(args[2]) : Instant.now().plus(Duration.ofDays(1));
        RollupBackfill backfill =
                new RollupBackfill(admin(r), HourlyRollup.all(KafkaKey.EVENTS_TOPIC.read(r)));
        int hours = backfill.run(from, to, line -> System.out.println("rollups: " + line));
        System.out.println("rollups: " + hours + " hour(s) recomputed from " + from + " to " + to);
        return 0;
    }

    private static Instant day(String isoDate) {
        try {
            return LocalDate.parse(isoDate).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + isoDate + "' is not a day (expected YYYY-MM-DD, UTC)", e);
        }
    }

    private static ClickHouseHttp admin(ConfigReader r) {
        return new ClickHouseHttp(
                URI.create(r.nonEmpty(ProcessorKey.CLICKHOUSE_URL)),
                r.nonEmpty(LauncherKey.CLICKHOUSE_ADMIN_USER),
                r.raw(LauncherKey.CLICKHOUSE_ADMIN_PASSWORD));
    }
}
