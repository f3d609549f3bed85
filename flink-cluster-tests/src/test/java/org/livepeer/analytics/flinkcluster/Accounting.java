package org.livepeer.analytics.flinkcluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.livepeer.analytics.clickhouse.query.ShippedQuery;
import org.livepeer.analytics.testkit.ClickHouseTestServer;

/**
 * The load's events counted by id in ClickHouse (docs/schema.md, "Accounting"): the raw archive
 * {@code streaming_events}, each typed table and the DLQ, with and without {@code FINAL}, and the
 * shipped {@code accounting_by_event_type.sql}.
 */
final class Accounting {

    private static final String OF_THE_LOAD = "startsWith(event_id, '" + EventLoad.PREFIX + "')";

    /** Dead letters of events read from the events topic, not the gateway's own rejections. */
    private static final String EVENTS_TOPIC_DLQ = " AND kafka_topic = 'streaming-events'";

    private final ClickHouseTestServer clickhouse;
    private final EventLoad load;

    /** What one look at ClickHouse found. */
    record Snapshot(
            int acknowledged,
            int rawIds,
            long rawRowsFinal,
            long rawRows,
            Map<String, Integer> idsByTable,
            Map<String, Long> rowsFinalByTable,
            Map<String, Long> rowsByTable,
            List<String> problems,
            String accountingTable) {

        long typedAndDlqRowsFinal() {
            return rowsFinalByTable.values().stream().mapToLong(Long::longValue).sum();
        }

        long typedAndDlqRows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return "acknowledged "
                    + acknowledged
                    + "; raw ids "
                    + rawIds
                    + ", raw rows after FINAL "
                    + rawRowsFinal
                    + " (before "
                    + rawRows
                    + "); ids by table "
                    + idsByTable
                    + "; rows after FINAL "
                    + rowsFinalByTable
                    + " (before "
                    + rowsByTable
                    + "); problems "
                    + problems;
        }
    }

    Accounting(ClickHouseTestServer clickhouse, EventLoad load) {
        this.clickhouse = clickhouse;
        this.load = load;
    }

    /** Cheap progress: distinct ids of the load in the raw archive. */
    long rawIds() {
        return clickhouse.queryLong(
                "SELECT uniqExact(event_id) FROM livepeer_analytics.streaming_events WHERE "
                        + OF_THE_LOAD);
    }

    /** Cheap progress: distinct ids of the load over the typed tables and the DLQ. */
    long typedOrDeadLetteredIds() {
        StringBuilder union = new StringBuilder();
        for (String table : load.tables()) {
            union.append(union.length() == 0 ? "" : " UNION ALL ")
                    .append("SELECT event_id FROM livepeer_analytics.")
                    .append(table)
                    .append(" WHERE ")
                    .append(OF_THE_LOAD)
                    .append(table.equals(EventLoad.DLQ_TABLE) ? EVENTS_TOPIC_DLQ : "");
        }
        return clickhouse.queryLong("SELECT uniqExact(event_id) FROM (" + union + ")");
    }

    /**
     * Every check by id: each acknowledged id archived and in the one table its event type owes;
     * every archived id in exactly one typed table or the DLQ; every table, raw archive included,
     * one row per id after {@code FINAL}; the shipped accounting query with nothing unaccounted.
     * What fails is listed in {@link Snapshot#problems()}.
     */
    Snapshot exact() {
        Set<String> acked = new HashSet<>(load.acknowledged());
        List<String> problems = new ArrayList<>();
        Set<String> raw = ids("streaming_events", "");
        long rawRowsFinal = count("streaming_events FINAL", "");
        if (rawRowsFinal != raw.size()) {
            problems.add("streaming_events: " + rawRowsFinal + " rows for " + raw.size() + " ids");
        }
        Tables tables = tables(problems);
        missingAcknowledged(acked, raw, tables.tableOfId(), problems);
        Set<String> unaccounted = new HashSet<>(raw);
        unaccounted.removeAll(tables.tableOfId().keySet());
        Set<String> notArchived = new HashSet<>(tables.tableOfId().keySet());
        notArchived.removeAll(raw);
        if (!unaccounted.isEmpty() || !notArchived.isEmpty()) {
            problems.add(
                    unaccounted.size()
                            + " archived ids neither typed nor dead-lettered, "
                            + notArchived.size()
                            + " typed or dead-lettered but not archived");
        }
        String accounting = shippedAccounting(problems);
        return new Snapshot(
                acked.size(),
                raw.size(),
                rawRowsFinal,
                count("streaming_events", ""),
                tables.ids(),
                tables.rowsFinal(),
                tables.rows(),
                problems,
                accounting);
    }

    /** Per table: distinct ids, rows after and before FINAL; and the table each id is in. */
    private record Tables(
            Map<String, Integer> ids,
            Map<String, Long> rowsFinal,
            Map<String, Long> rows,
            Map<String, String> tableOfId) {}

    /** Each typed table and the DLQ: one row per id after FINAL, no id in two of them. */
    private Tables tables(List<String> problems) {
        Tables t = new Tables(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new HashMap<>());
        for (String table : load.tables()) {
            String where = table.equals(EventLoad.DLQ_TABLE) ? EVENTS_TOPIC_DLQ : "";
            Set<String> ids = ids(table, where);
            long rowsFinal = count(table + " FINAL", where);
            t.ids().put(table, ids.size());
            t.rowsFinal().put(table, rowsFinal);
            t.rows().put(table, count(table, where));
            if (rowsFinal != ids.size()) {
                problems.add(table + ": " + rowsFinal + " rows for " + ids.size() + " ids");
            }
            for (String id : ids) {
                String other = t.tableOfId().put(id, table);
                if (other != null) {
                    problems.add(id + " in " + other + " and " + table);
                }
            }
        }
        return t;
    }

    /** Every acknowledged id archived and in the table its event owes. */
    private void missingAcknowledged(
            Set<String> acked,
            Set<String> raw,
            Map<String, String> tableOfId,
            List<String> problems) {
        List<String> missing = new ArrayList<>();
        for (String id : acked) {
            if (!raw.contains(id)) {
                missing.add(id + " not archived");
            } else if (!load.tableOf(id).equals(tableOfId.get(id))) {
                missing.add(id + " not in " + load.tableOf(id) + " but " + tableOfId.get(id));
            }
        }
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " acknowledged ids missing, e.g. " + first(missing));
        }
    }

    /**
     * {@code accounting_by_event_type.sql} with its defaults (every time): per event type raw =
     * typed + dlq, unaccounted 0. The load is the only traffic, so its rows are the whole answer.
     */
    private String shippedAccounting(List<String> problems) {
        String sql =
                ShippedQuery.resource("accounting_by_event_type.sql").expand(Map.of())
                        + " FORMAT TabSeparated";
        String answer = clickhouse.query(sql);
        for (String line : answer.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            long raw = Long.parseLong(f[1]);
            long typed = Long.parseLong(f[2]);
            long dlq = Long.parseLong(f[3]);
            long unaccounted = Long.parseLong(f[4]);
            if (unaccounted != 0 || raw != typed + dlq) {
                problems.add("accounting: " + line.replace('\t', ' '));
            }
        }
        return answer.strip();
    }

    private Set<String> ids(String table, String where) {
        return clickhouse.distinctIds(table, OF_THE_LOAD + where);
    }

    private long count(String from, String where) {
        return clickhouse.queryLong(
                "SELECT count() FROM livepeer_analytics." + from + " WHERE " + OF_THE_LOAD + where);
    }

    private static String first(List<String> items) {
        return items.subList(0, Math.min(5, items.size())).toString();
    }
}
