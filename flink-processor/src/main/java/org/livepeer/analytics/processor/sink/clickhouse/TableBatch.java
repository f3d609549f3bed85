package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The rows waiting for one table, as newline-separated JSONEachRow bytes. */
final class TableBatch {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private int rows;
    private long firstRowAtMs;

    void add(String jsonLine, long nowMs) {
        if (rows == 0) {
            firstRowAtMs = nowMs;
        }
        byte[] line = jsonLine.getBytes(StandardCharsets.UTF_8);
        bytes.write(line, 0, line.length);
        bytes.write('\n');
        rows++;
    }

    int rows() {
        return rows;
    }

    long sizeBytes() {
        return bytes.size();
    }

    long firstRowAtMs() {
        return firstRowAtMs;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    byte[] body() {
        return bytes.toByteArray();
    }

    void clear() {
        bytes.reset();
        rows = 0;
    }
}
