package org.livepeer.analytics.sqlcompat;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.sqlcompat.engine.Engine;

/** Recomputes the rollups the way the processor's sink does, for the tests' loaded rows. */
final class Rollups {

    /** The version every test computation carries, the same on both lines. */
    static final long VERSION = 1;

    /** The schema's rollups for the default events topic, the one the tests' rows carry. */
    static final List<HourlyRollup> ALL = HourlyRollup.all("streaming-events");

    private Rollups() {}

    static HourlyRollup named(String table) {
        return ALL.stream()
                .filter(r -> r.table().equals(table))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rollup " + table));
    }

    /** Every hour of every rollup that one of its source tables has rows in. */
    static void recomputeAll(Engine engine) {
        recomputeAll(engine, engine::query);
    }

    /** Likewise, the hours found on {@code engine}, each statement sent by {@code run}. */
    static void recomputeAll(Engine engine, Consumer<String> run) {
        for (HourlyRollup rollup : ALL) {
            TreeSet<Long> hours = new TreeSet<>();
            for (String source : rollup.sourceTables()) {
                hours.addAll(hoursIn(engine, source));
            }
            hours.forEach(h -> run.accept(rollup.recompute(h, VERSION)));
        }
    }

    /** The hours the sink would note for the rows of {@code table}: event time, else processing. */
    private static List<Long> hoursIn(Engine engine, String table) {
        String time = HourlyRollup.placementSql(table);
        String hours =
                engine.query(
                        "SELECT DISTINCT toUInt32(toStartOfHour("
                                + time
                                + ")) FROM "
                                + Migrator.DATABASE
                                + "."
                                + table);
        return Arrays.stream(hours.split("\n"))
                .filter(h -> !h.isBlank())
                .map(h -> Long.parseLong(h.trim()))
                .toList();
    }
}
