package org.livepeer.analytics.clickhouse.rollup;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.DistributedInserts;
import org.livepeer.analytics.clickhouse.schema.Migrator;

/**
 * Recomputes every hour of every rollup that its source tables hold rows in, within a range: what
 * the processor's sink does for the hours it writes, for rows it will not write again (those stored
 * before a rollup existed, or changed by hand). Safe while the processor runs: each computation is
 * complete, and the newest one of an hour wins (docs/schema.md, "Rollups").
 */
public final class RollupBackfill {

    private final ClickHouseHttp clickhouse;
    private final List<HourlyRollup> rollups;

    public RollupBackfill(ClickHouseHttp clickhouse, List<HourlyRollup> rollups) {
        this.clickhouse = clickhouse;
        this.rollups = List.copyOf(rollups);
    }

    /**
     * Recomputes the hours in {@code [from, to)} that hold rows, reporting one line per rollup.
     *
     * @return how many hours were recomputed, over all rollups
     */
    public int run(Instant from, Instant to, Consumer<String> progress) {
        int total = 0;
        for (HourlyRollup rollup : rollups) {
            TreeSet<Long> hours = new TreeSet<>();
            for (String source : rollup.sourceTables()) {
                hours.addAll(hoursWithRows(source, from, to));
            }
            long t0 = System.nanoTime();
            for (long hour : hours) {
                clickhouse.execute(
                        rollup.recompute(hour, System.currentTimeMillis()),
                        DistributedInserts.SYNCHRONOUS);
            }
            total += hours.size();
            progress.accept(
                    String.format(
                            "%s: %d hour(s) recomputed in %d ms",
                            rollup.table(), hours.size(), (System.nanoTime() - t0) / 1_000_000));
        }
        return total;
    }

    private List<Long> hoursWithRows(String table, Instant from, Instant to) {
        String placed = HourlyRollup.placementSql(table);
        String hours =
                clickhouse.query(
                        "SELECT DISTINCT toUInt32(toStartOfHour("
                                + placed
                                + ")) AS h FROM "
                                + Migrator.DATABASE
                                + "."
                                + table
                                + " WHERE "
                                + placed
                                + " >= toDateTime("
                                + from.getEpochSecond()
                                + ") AND "
                                + placed
                                + " < toDateTime("
                                + to.getEpochSecond()
                                + ") ORDER BY h FORMAT TabSeparated");
        return hours.lines().filter(h -> !h.isBlank()).map(h -> Long.parseLong(h.trim())).toList();
    }
}
