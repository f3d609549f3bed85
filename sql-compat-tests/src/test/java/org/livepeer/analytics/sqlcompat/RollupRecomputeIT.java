package org.livepeer.analytics.sqlcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.sqlcompat.RollupsIT.StreamDef;
import org.livepeer.analytics.sqlcompat.data.SinkBatches;
import org.livepeer.analytics.sqlcompat.engine.ServerEngine;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.WithClickHouse;

/**
 * The hourly rollup on the 18.16 floor across a replay: rows inserted twice (as after a restore)
 * leave it unchanged, and orchestrator_hourly_stats_drift.sql finds an hour whose new rows were not
 * recomputed yet, until they are.
 */
@WithClickHouse
class RollupRecomputeIT {
    private static final long H = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;
    private static final String A = "0xaaaa000000000000000000000000000000000001";
    private static final StreamDef S1 = new StreamDef(A, "s1", "r1", "p1", H - MIN, H + 500, null);
    private static final String HOURLY = "orchestrator_hourly_stats.sql";
    private static final String DRIFT = "orchestrator_hourly_stats_drift.sql";
    private static final String A_AT_H = "2026-03-02 10:00:00\t" + A + "\t";

    @Test
    void aReplayedInsertCountsOnceAndNewRowsShowAsDriftUntilRecomputed(ClickHouseTestServer ch) {
        ServerEngine engine = new ServerEngine(ch.admin());
        List<String> first =
                List.of(
                        RollupsIT.status("a1", H + MIN, S1, 20, "ONLINE"),
                        RollupsIT.status("a2", H + 2 * MIN, S1, 10, "ERROR"),
                        RollupsIT.status("a3", H + 61 * MIN, S1, 15, "ONLINE"));
        insert(engine, first);
        Rollups.recomputeAll(engine);
        List<String> before = RollupsIT.run(ch, HOURLY, Map.of());
        assertEquals(A_AT_H + "2\t15\t10\t20\t1\t1\t0\t1\t0", before.get(0));
        assertEquals(List.of("2\t0\t[]"), RollupsIT.run(ch, DRIFT, Map.of()));

        // The replay: the same rows again, and the sink recomputing the hours they fall in.
        insert(engine, first);
        Rollups.recomputeAll(engine);
        assertEquals(before, RollupsIT.run(ch, HOURLY, Map.of()));
        assertEquals(List.of("2\t0\t[]"), RollupsIT.run(ch, DRIFT, Map.of()));

        insert(engine, List.of(RollupsIT.status("a4", H + 3 * MIN, S1, 30, "ONLINE")));
        assertEquals(List.of("2\t1\t['2026-03-02 10:00:00']"), RollupsIT.run(ch, DRIFT, Map.of()));

        HourlyRollup rollup = Rollups.named("orchestrator_hourly_stats");
        engine.query(rollup.recompute(H / 1000, Rollups.VERSION + 1));
        assertEquals(List.of("2\t0\t[]"), RollupsIT.run(ch, DRIFT, Map.of()));
        assertEquals(
                A_AT_H + "3\t20\t10\t20\t1\t1\t0\t1\t0",
                RollupsIT.run(ch, HOURLY, Map.of()).get(0));
    }

    private static void insert(ServerEngine engine, List<String> events) {
        SinkBatches batches = new SinkBatches(H + 120 * MIN);
        events.forEach(e -> batches.add(e.getBytes(StandardCharsets.UTF_8)));
        batches.insertInto(engine);
    }
}
