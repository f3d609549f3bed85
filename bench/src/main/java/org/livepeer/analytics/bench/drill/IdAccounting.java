package org.livepeer.analytics.bench.drill;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.livepeer.analytics.bench.pipeline.Counts;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;

/**
 * A drill's events counted by id in ClickHouse. Ids are {@code <prefix><n>}; the acknowledged ones
 * are those of the requests answered {@code 202} with every event accepted (request {@code i}
 * carried events {@code i*batch ..}). Read: the distinct numbers in the raw archive and in the
 * typed tables, the rows with and without {@code FINAL}, and the typed rows the present ids must
 * leave ({@link ExpectedRows}).
 */
final class IdAccounting {

    private static final String DB = "livepeer_analytics.";

    /**
     * One count. {@code missingRaw}/{@code missingTyped}: acknowledged ids absent from the raw
     * archive / from every typed table; {@code presentNotAcked}: raw ids never answered 202 (sent
     * while the fault hit: Kafka may have them); {@code rawCopies}: raw rows after {@code FINAL}
     * beyond one per id (a record in Kafka twice); {@code doubled}/{@code shortRows}: typed rows
     * after {@code FINAL} above/below what the present typed ids must leave, summed over tables.
     */
    record Result(
            long acked,
            long rawIds,
            long typedIds,
            long rawRows,
            long rawRowsFinal,
            long typedRows,
            long typedRowsFinal,
            long typedRowsExpected,
            long missingRaw,
            long missingTyped,
            long presentNotAcked,
            long doubled,
            long shortRows) {

        long rawCopies() {
            return rawRowsFinal - rawIds;
        }

        boolean complete() {
            return missingRaw == 0 && missingTyped == 0;
        }
    }

    private final ClickHouseHttp ch;
    private final String prefix;
    private final int batch;
    private final ExpectedRows expected;

    IdAccounting(ClickHouseHttp ch, String prefix, int batch, ExpectedRows expected) {
        this.ch = ch;
        this.prefix = Counts.checkPrefix(prefix);
        this.batch = batch;
        this.expected = expected;
    }

    /** The acknowledged event numbers, from the acknowledged request numbers. */
    BitSet ackedIds(BitSet ackedRequests) {
        BitSet ids = new BitSet();
        for (int r = ackedRequests.nextSetBit(0); r >= 0; r = ackedRequests.nextSetBit(r + 1)) {
            ids.set(r * batch, r * batch + batch);
        }
        return ids;
    }

    Result count(BitSet acked) {
        BitSet raw = numbers(DB + "streaming_events WHERE " + mine());
        List<String> parts = new ArrayList<>();
        for (String t : expected.tables()) {
            parts.add("SELECT event_id FROM " + DB + t + " WHERE " + mine());
        }
        BitSet typed = numbers("(" + String.join(" UNION ALL ", parts) + ")");
        Map<String, Long> owed = expected.of(typed);
        long typedRows = 0;
        long typedFinal = 0;
        long doubled = 0;
        long shortRows = 0;
        for (String t : expected.tables()) {
            typedRows += number("SELECT count() FROM " + DB + t + " WHERE " + mine());
            long fin = number("SELECT count() FROM " + DB + t + " FINAL WHERE " + mine());
            long want = owed.getOrDefault(t, 0L);
            typedFinal += fin;
            doubled += Math.max(0, fin - want);
            shortRows += Math.max(0, want - fin);
        }
        return new Result(
                acked.cardinality(),
                raw.cardinality(),
                typed.cardinality(),
                number("SELECT count() FROM " + DB + "streaming_events WHERE " + mine()),
                number("SELECT count() FROM " + DB + "streaming_events FINAL WHERE " + mine()),
                typedRows,
                typedFinal,
                owed.values().stream().mapToLong(Long::longValue).sum(),
                andNotCount(acked, raw),
                andNotCount(acked, typed),
                andNotCount(raw, acked),
                doubled,
                shortRows);
    }

    private String mine() {
        return "event_id LIKE '" + prefix + "%'";
    }

    /** The distinct event numbers of {@code source} (a table with its WHERE, or a subquery). */
    private BitSet numbers(String source) {
        String body =
                ch.query(
                        "SELECT DISTINCT toUInt64(substring(event_id, "
                                + (prefix.length() + 1)
                                + ", 20)) FROM "
                                + source
                                + " FORMAT TabSeparated");
        BitSet out = new BitSet();
        body.lines().filter(l -> !l.isEmpty()).forEach(l -> out.set(Integer.parseInt(l)));
        return out;
    }

    private long number(String sql) {
        return Long.parseLong(ch.query(sql + " FORMAT TabSeparated").trim());
    }

    private static long andNotCount(BitSet a, BitSet b) {
        BitSet c = (BitSet) a.clone();
        c.andNot(b);
        return c.cardinality();
    }
}
