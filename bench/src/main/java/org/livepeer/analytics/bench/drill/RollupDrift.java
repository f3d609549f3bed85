package org.livepeer.analytics.bench.drill;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.query.ShippedQuery;

/**
 * The shipped drift check {@code clickhouse/queries/orchestrator_hourly_stats_drift.sql}: whether
 * the stored hourly rollup equals a fresh recompute from {@code ai_stream_status}, over every hour
 * (the query's declared defaults). Its one row: keys, differing keys, differing hours.
 */
final class RollupDrift {

    static final String FILE = "orchestrator_hourly_stats_drift.sql";

    /**
     * The differing (hour, orchestrator) keys at the end (-1: no answer), the check's answer as
     * text, and how long it took to find none (NaN: not within the timeout).
     */
    record Outcome(long differing, String answer, double secondsToAgree) {}

    private final String sql = ShippedQuery.resource(FILE).expand(Map.of());

    /** The check as sent, every hour's range written in as literals (18.16 has no parameters). */
    String sql() {
        return sql;
    }

    /**
     * Runs the check every 2 s until it finds no difference or {@code timeoutS} passed; a query
     * that fails (a server busy merging) counts as not agreeing yet.
     */
    Outcome awaitAgreement(ClickHouseHttp ch, int timeoutS) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutS);
        Outcome last = new Outcome(-1, "(not run)", Double.NaN);
        while (System.nanoTime() < deadline) {
            try {
                String answer = ch.query(sql + " FORMAT TabSeparatedWithNames");
                long differing = differing(answer);
                if (differing == 0) {
                    return new Outcome(0, answer.strip(), (System.nanoTime() - start) / 1e9);
                }
                last = new Outcome(differing, answer.strip(), Double.NaN);
            } catch (RuntimeException e) {
                last = new Outcome(-1, "query failed: " + e.getMessage(), Double.NaN);
            }
            TimeUnit.SECONDS.sleep(2);
        }
        return last;
    }

    /** The {@code differing_keys} of the check's answer (a header line, then its one row). */
    static long differing(String answerWithNames) {
        List<String> lines = answerWithNames.lines().filter(l -> !l.isBlank()).toList();
        int column = List.of(lines.get(0).split("\t")).indexOf("differing_keys");
        if (lines.size() != 2 || column < 0) {
            throw new IllegalStateException(FILE + " answered: " + answerWithNames);
        }
        return Long.parseLong(lines.get(1).split("\t")[column]);
    }
}
