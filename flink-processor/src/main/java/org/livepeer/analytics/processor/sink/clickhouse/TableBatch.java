package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.livepeer.analytics.processor.row.SinkRow;

/**
 * The rows waiting for one table, as newline-separated JSONEachRow bytes, remembering where each
 * row starts so a rejected batch can be split into sub-ranges.
 *
 * <p>A batch made with an insert-time column (the raw archive's {@code inserted_ts_ms}) adds that
 * column to every line when its body is built, just before it is sent: {@code ,"column":ms} goes in
 * before each line's closing brace, a copy of the bytes rather than a re-render of the rows. The
 * time is taken at the first send and kept until the batch is cleared, so a batch sent again after
 * a failure keeps the time of its first attempt.
 */
final class TableBatch {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final List<SinkRow> rows = new ArrayList<>();
    private final byte[] insertTimeKey;
    private int[] starts = new int[256];
    private long firstRowAtMs;

    /** The insert time of this batch's rows, once a body has been built ({@link #stamped}). */
    private long insertedTsMs;

    private boolean stamped;

    /** Bytes the insert-time column adds to each line of the last body built. */
    private int addedPerRow;

    /** A batch whose lines are sent as they were added. */
    TableBatch() {
        this(null);
    }

    /**
     * @param insertTimeColumn the column that gets the send time in ms, or null for none; each row
     *     of such a batch must be a JSON object without that column
     */
    TableBatch(String insertTimeColumn) {
        this.insertTimeKey =
                insertTimeColumn == null
                        ? null
                        : (",\"" + insertTimeColumn + "\":").getBytes(StandardCharsets.UTF_8);
    }

    void add(SinkRow row, long nowMs) {
        byte[] line = row.json.getBytes(StandardCharsets.UTF_8);
        if (insertTimeKey != null && (line.length < 2 || line[line.length - 1] != '}')) {
            throw new IllegalArgumentException(
                    "a row of " + row.table + " must be a JSON object: " + row.json);
        }
        if (rows.isEmpty()) {
            firstRowAtMs = nowMs;
        }
        if (rows.size() == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[rows.size()] = bytes.size();
        bytes.write(line, 0, line.length);
        bytes.write('\n');
        rows.add(row);
    }

    int rows() {
        return rows.size();
    }

    long sizeBytes() {
        return bytes.size();
    }

    long firstRowAtMs() {
        return firstRowAtMs;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The insert time stamped into this batch's rows, or 0 when none was yet (or none is). */
    long insertedTsMs() {
        return stamped ? insertedTsMs : 0L;
    }

    /**
     * The lines to send. With an insert-time column, each line gets it: {@code nowMs} at the first
     * call, the same value on every later call until {@link #clear()}.
     */
    byte[] body(long nowMs) {
        if (insertTimeKey == null) {
            return bytes.toByteArray();
        }
        if (!stamped) {
            insertedTsMs = nowMs;
            stamped = true;
        }
        byte[] lines = bytes.toByteArray();
        byte[] value = Long.toString(insertedTsMs).getBytes(StandardCharsets.UTF_8);
        addedPerRow = insertTimeKey.length + value.length;
        byte[] out = new byte[lines.length + rows.size() * addedPerRow];
        int pos = 0;
        for (int i = 0; i < rows.size(); i++) {
            // The line without its closing brace and newline, then the column, then "}\n".
            int from = starts[i];
            int brace = (i + 1 == rows.size() ? lines.length : starts[i + 1]) - 2;
            System.arraycopy(lines, from, out, pos, brace - from);
            pos += brace - from;
            System.arraycopy(insertTimeKey, 0, out, pos, insertTimeKey.length);
            pos += insertTimeKey.length;
            System.arraycopy(value, 0, out, pos, value.length);
            pos += value.length;
            out[pos++] = '}';
            out[pos++] = '\n';
        }
        return out;
    }

    /** The lines of rows {@code [from, to)} of {@code whole}, the last {@link #body} built. */
    byte[] body(byte[] whole, int from, int to) {
        int end = to == rows.size() ? whole.length : start(to);
        return Arrays.copyOfRange(whole, start(from), end);
    }

    private int start(int row) {
        return starts[row] + row * addedPerRow;
    }

    SinkRow row(int index) {
        return rows.get(index);
    }

    void clear() {
        bytes.reset();
        rows.clear();
        stamped = false;
        addedPerRow = 0;
    }
}
