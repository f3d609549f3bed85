package org.livepeer.analytics.clickhouse.rollup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A rollup table recomputed one hour at a time from a typed table, by the statement in {@code
 * clickhouse/rollups/<table>.sql} (on the classpath as {@code rollups/<table>.sql}). Recomputing
 * instead of adding each insert to the rollup is what keeps a replayed or retried insert from
 * counting twice (docs/schema.md, "Rollups"); the ClickHouse sink recomputes every hour its inserts
 * touched.
 *
 * @param table the rollup table
 * @param sourceTable the typed table it is computed from
 * @param sourceTimeColumn the source's event-time column, Unix ms, that places a row in its hour
 * @param statement the recomputation, with {@value #HOUR_START} and {@value #REFRESHED_MS}
 *     placeholders
 */
public record HourlyRollup(
        String table, String sourceTable, String sourceTimeColumn, String statement) {

    static final String HOUR_START = "{hour_start:UInt32}";
    static final String REFRESHED_MS = "{refreshed_ms:UInt64}";
    private static final long HOUR_MS = 3_600_000L;

    /** Every rollup of the schema. */
    public static final List<HourlyRollup> ALL =
            List.of(load("orchestrator_hourly_stats", "ai_stream_status", "event_ts_ms"));

    public HourlyRollup {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(sourceTable, "sourceTable");
        Objects.requireNonNull(sourceTimeColumn, "sourceTimeColumn");
        if (!statement.contains(HOUR_START) || !statement.contains(REFRESHED_MS)) {
            throw new IllegalArgumentException(
                    table + ": statement lacks " + HOUR_START + " or " + REFRESHED_MS);
        }
    }

    /** The rollups computed from {@code sourceTable} (none for most tables). */
    public static List<HourlyRollup> fedBy(String sourceTable) {
        return ALL.stream().filter(r -> r.sourceTable.equals(sourceTable)).toList();
    }

    /** The start of the hour holding {@code epochMs}, in Unix seconds. */
    public static long hourStartSeconds(long epochMs) {
        return Math.floorDiv(epochMs, HOUR_MS) * (HOUR_MS / 1000);
    }

    /**
     * The statement that recomputes the hour starting at {@code hourStartSeconds}; {@code
     * refreshedMs} must grow from one computation to the next, the newest wins.
     */
    public String recompute(long hourStartSeconds, long refreshedMs) {
        return statement
                .replace(HOUR_START, Long.toString(hourStartSeconds))
                .replace(REFRESHED_MS, Long.toString(refreshedMs));
    }

    /** The file's header comments stay in the file: they explain it, the server needs none. */
    private static String withoutComments(String text) {
        return text.lines()
                .filter(line -> !line.stripLeading().startsWith("--"))
                .collect(Collectors.joining("\n"))
                .strip();
    }

    private static HourlyRollup load(String table, String sourceTable, String timeColumn) {
        String resource = "rollups/" + table + ".sql";
        try (InputStream in = HourlyRollup.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new HourlyRollup(table, sourceTable, timeColumn, withoutComments(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
