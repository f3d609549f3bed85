package org.livepeer.analytics.bench.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;

/**
 * The accounting queries, all by event-id prefix of one run (ids are {@code <prefix><n>}; the
 * prefix holds only letters, digits and '-', so it is safe inside a LIKE pattern and a string).
 */
public final class Counts {

    public static final List<String> TYPED_TABLES =
            List.of(
                    "ai_stream_status",
                    "stream_ingest_metrics",
                    "stream_trace_events",
                    "ai_stream_events",
                    "network_capabilities",
                    "discovery_results",
                    "payment_events");

    private static final String DB = "livepeer_analytics.";

    private final ClickHouseHttp ch;

    public Counts(ClickHouseHttp ch) {
        this.ch = ch;
    }

    public static String checkPrefix(String prefix) {
        if (!prefix.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("id prefix must be [A-Za-z0-9-]+: " + prefix);
        }
        return prefix;
    }

    /** Raw-archive rows of the prefix (copies included; cheap enough to poll). */
    public long rawRows(String prefix) {
        return number(
                "SELECT count() FROM "
                        + DB
                        + "streaming_events WHERE event_id LIKE '"
                        + checkPrefix(prefix)
                        + "%'");
    }

    public long rawDistinct(String prefix) {
        return number(
                "SELECT uniqExact(event_id) FROM "
                        + DB
                        + "streaming_events WHERE event_id LIKE '"
                        + checkPrefix(prefix)
                        + "%'");
    }

    /** Distinct ids of the prefix over the seven typed tables together. */
    public long typedDistinct(String prefix) {
        List<String> parts = new ArrayList<>();
        for (String t : TYPED_TABLES) {
            parts.add(
                    "SELECT event_id FROM "
                            + DB
                            + t
                            + " WHERE event_id LIKE '"
                            + checkPrefix(prefix)
                            + "%'");
        }
        return number(
                "SELECT uniqExact(event_id) FROM (" + String.join(" UNION ALL ", parts) + ")");
    }

    /** Dead letters whose raw text holds {@code <marker><digits>}: rows, distinct markers. */
    long[] deadLetters(String marker) {
        String where =
                " FROM "
                        + DB
                        + "streaming_events_dlq WHERE position(raw_json, '"
                        + checkPrefix(marker)
                        + "') > 0";
        String[] f =
                ch.query(
                                "SELECT count(), uniqExact(extract(raw_json, '"
                                        + marker
                                        + "[0-9]+'))"
                                        + where
                                        + " FORMAT TabSeparated")
                        .trim()
                        .split("\t");
        return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    }

    /** Dead letters of the marker by error type. */
    Map<String, Long> deadLettersByType(String marker) {
        Map<String, Long> out = new LinkedHashMap<>();
        String body =
                ch.query(
                        "SELECT error_type, count() FROM "
                                + DB
                                + "streaming_events_dlq WHERE position(raw_json, '"
                                + checkPrefix(marker)
                                + "') > 0 GROUP BY error_type ORDER BY error_type"
                                + " FORMAT TabSeparated");
        for (String line : body.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                out.put(f[0], Long.parseLong(f[1]));
            }
        }
        return out;
    }

    /** p50/p95/p99 of inserted_ts_ms - received_ts_ms (ms) over the prefix's raw rows. */
    double[] archiveLatency(String prefix) {
        String[] f =
                ch.query(
                                "SELECT arrayStringConcat(arrayMap(x -> toString(x),"
                                        + " quantilesExact(0.5, 0.95, 0.99)(toInt64(inserted_ts_ms)"
                                        + " - toInt64(received_ts_ms))), ' ') FROM "
                                        + DB
                                        + "streaming_events WHERE event_id LIKE '"
                                        + checkPrefix(prefix)
                                        + "%' AND received_ts_ms > 0 AND inserted_ts_ms > 0"
                                        + " FORMAT TabSeparated")
                        .trim()
                        .split(" ");
        return new double[] {
            Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])
        };
    }

    private long number(String sql) {
        return Long.parseLong(ch.query(sql + " FORMAT TabSeparated").trim());
    }
}
