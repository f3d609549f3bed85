package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.processor.row.SinkRow;

/**
 * Remembers which hours of which rollups the writer's rows fall in, and recomputes them from the
 * typed tables at most every {@code intervalMs} (docs/schema.md, "Rollups"). A recomputation reads
 * the source with FINAL, so copies of an event that a replay or a retried insert wrote count once.
 *
 * <p>An hour is noted when its row enters a batch, and recomputed only in {@link
 * ClickHouseSinkWriter#flush}, after every batch was sent: by then its rows are in ClickHouse.
 */
final class RollupRefresher {

    private static final String EVENT_TIME = "event_ts_ms";
    private static final String PROCESSING_TIME = "processed_ts_ms";

    private final Map<String, List<HourlyRollup>> bySource;
    private final Map<String, HourlyRollup> byTable;
    private final long intervalMs;
    private final TreeSet<RollupHour> pending = new TreeSet<>();
    private long nextRunMs;

    RollupRefresher(List<HourlyRollup> rollups, long intervalMs, Collection<RollupHour> restored) {
        this.bySource = new HashMap<>();
        for (HourlyRollup rollup : rollups) {
            for (String source : rollup.sourceTables()) {
                bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(rollup);
            }
        }
        this.byTable = rollups.stream().collect(Collectors.toMap(HourlyRollup::table, r -> r));
        this.intervalMs = intervalMs;
        pending.addAll(restored);
    }

    /**
     * Notes the hour of {@code row} for every rollup computed from its table: the hour of its event
     * time, or of its processing time when the event's could not be read (the rollups place such
     * records there, as the raw archive does).
     */
    void noteRow(SinkRow row) {
        List<HourlyRollup> rollups = bySource.get(row.table);
        if (rollups == null) {
            return;
        }
        long placedMs = RowFields.unsignedLong(row.json, EVENT_TIME);
        if (placedMs == 0) {
            placedMs = RowFields.unsignedLong(row.json, PROCESSING_TIME);
        }
        long hour = HourlyRollup.hourStartSeconds(placedMs);
        for (HourlyRollup rollup : rollups) {
            pending.add(new RollupHour(rollup.table(), hour));
        }
    }

    /**
     * Recomputes every pending hour when the interval has passed since the last run, or when {@code
     * now} is true (end of input).
     *
     * @return how many hours were recomputed
     */
    int refreshIfDue(long nowMs, boolean now, BatchInserter clickhouse)
            throws IOException, InterruptedException {
        if (pending.isEmpty() || (!now && nowMs < nextRunMs)) {
            return 0;
        }
        nextRunMs = nowMs + intervalMs;
        int done = 0;
        while (!pending.isEmpty()) {
            RollupHour hour = pending.first();
            HourlyRollup rollup = byTable.get(hour.rollup());
            if (rollup == null) {
                throw new IllegalStateException("no rollup named " + hour.rollup());
            }
            String what =
                    "the recomputation of "
                            + hour.rollup()
                            + " for the hour from "
                            + Instant.ofEpochSecond(hour.hourStartSeconds());
            InsertVerdict verdict =
                    clickhouse.execute(
                            rollup.recompute(hour.hourStartSeconds(), System.currentTimeMillis()),
                            what);
            if (!(verdict instanceof InsertVerdict.Inserted)) {
                // The hour stays owed (and checkpointed); the job restarts and recomputes it.
                throw new IOException("cannot run " + what + ": " + verdict);
            }
            pending.remove(hour);
            done++;
        }
        return done;
    }

    /** The hours still owed, for the checkpoint. */
    List<RollupHour> pending() {
        return List.copyOf(pending);
    }
}
