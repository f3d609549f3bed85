package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows waiting for one table, as newline-separated JSONEachRow bytes, remembering where each
 * row starts so a rejected batch can be split into sub-ranges.
 */
final class TableBatch {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final List<SinkRow> rows = new ArrayList<>();
    private int[] starts = new int[256];
    private long firstRowAtMs;

    void add(SinkRow row, long nowMs) {
        if (rows.isEmpty()) {
            firstRowAtMs = nowMs;
        }
        if (rows.size() == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        starts[rows.size()] = bytes.size();
        byte[] line = row.json.getBytes(StandardCharsets.UTF_8);
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

    byte[] body() {
        return bytes.toByteArray();
    }

    /** The lines of rows {@code [from, to)}. */
    byte[] body(byte[] whole, int from, int to) {
        int end = to == rows.size() ? whole.length : starts[to];
        return Arrays.copyOfRange(whole, starts[from], end);
    }

    SinkRow row(int index) {
        return rows.get(index);
    }

    void clear() {
        bytes.reset();
        rows.clear();
    }
}
