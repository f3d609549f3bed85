package org.livepeer.analytics.sqlcompat;

import java.util.Arrays;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.sqlcompat.engine.Engine;

/** Recomputes the rollups the way the processor's sink does, for the tests' loaded rows. */
final class Rollups {

    /** The version every test computation carries, the same on both lines. */
    static final long VERSION = 1;

    private Rollups() {}

    /** Every hour of every rollup that its source table has rows in. */
    static void recomputeAll(Engine engine) {
        for (HourlyRollup rollup : HourlyRollup.ALL) {
            String hours =
                    engine.query(
                            "SELECT DISTINCT toUInt32(toStartOfHour(event_time)) FROM "
                                    + Migrator.DATABASE
                                    + "."
                                    + rollup.sourceTable());
            Arrays.stream(hours.split("\n"))
                    .filter(h -> !h.isBlank())
                    .forEach(
                            h -> engine.query(rollup.recompute(Long.parseLong(h.trim()), VERSION)));
        }
    }
}
