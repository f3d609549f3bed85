package org.livepeer.analytics.processor.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.query.ShippedQuery;

/** Counts in ClickHouse for one load's id prefix: nothing missing, nothing doubled. */
final class PipelineCounts {

    private static final String DB = "livepeer_analytics.";

    private static final String ROLLUP_DRIFT =
            ShippedQuery.resource("orchestrator_hourly_stats_drift.sql").expand(Map.of());

    private final ClickHouseHttp admin;

    PipelineCounts(ClickHouseHttp admin) {
        this.admin = admin;
    }

    long count(String table, String like, boolean fin) {
        return number(
                "SELECT count() FROM "
                        + DB
                        + table
                        + (fin ? " FINAL" : "")
                        + " WHERE event_id LIKE '"
                        + like
                        + "'");
    }

    long distinctIds(String table, String like) {
        return number(
                "SELECT uniqExact(event_id) FROM "
                        + DB
                        + table
                        + " WHERE event_id LIKE '"
                        + like
                        + "'");
    }

    /** True once every typed table holds at least the expected rows (before FINAL). */
    boolean allArrived(SampleLoad load) {
        for (Map.Entry<String, Long> e : load.expectedRows().entrySet()) {
            if (count(e.getKey(), load.likePattern(), false) < e.getValue()) {
                return false;
            }
        }
        return distinctIds("streaming_events", load.likePattern()) >= load.distinctEvents();
    }

    /**
     * Every distinct event is archived and typed; after FINAL (the ReplacingMergeTree backstop for
     * replays) each typed row exists exactly once; nothing went to the DLQ.
     *
     * @return the typed rows counted
     */
    long assertExactlyOnceAfterFinal(SampleLoad load) {
        String like = load.likePattern();
        assertEquals(load.distinctEvents(), distinctIds("streaming_events", like), "raw ids");
        long typed = 0;
        for (Map.Entry<String, Long> e : load.expectedRows().entrySet()) {
            String table = e.getKey();
            assertEquals(
                    load.expectedIds().get(table).longValue(),
                    distinctIds(table, like),
                    "distinct ids in " + table);
            assertEquals(e.getValue().longValue(), count(table, like, true), "rows in " + table);
            typed += e.getValue();
        }
        assertEquals(0, count("streaming_events_dlq", like, false), "nothing dead-lettered");
        return typed;
    }

    /**
     * Whether the hourly rollup holds keys and equals a fresh recompute from the typed rows
     * (orchestrator_hourly_stats_drift.sql: keys, differing keys, differing hours).
     */
    boolean rollupExact() {
        String[] drift = admin.query(ROLLUP_DRIFT).trim().split("\t");
        return Long.parseLong(drift[0]) > 0 && drift[1].equals("0");
    }

    private long number(String sql) {
        return Long.parseLong(admin.query(sql).trim());
    }
}
