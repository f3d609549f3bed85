package org.livepeer.analytics.processor.sink.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.processor.row.ProcessorTables;
import org.livepeer.analytics.processor.row.SinkRow;

class TableBatchTest {

    private static final String RAW = ProcessorTables.RAW_ARCHIVE;

    @Test
    void aBatchWithoutInsertTimeSendsItsLinesAsAdded() {
        TableBatch batch = new TableBatch();
        batch.add(new SinkRow("t", "1"), 10);
        batch.add(new SinkRow("t", "{\"a\":2}"), 11);
        assertEquals("1\n{\"a\":2}\n", text(batch.body(500)));
        assertEquals(0L, batch.insertedTsMs());
    }

    @Test
    void theInsertTimeGoesInBeforeEachLinesClosingBrace() {
        TableBatch batch = new TableBatch("inserted_ts_ms");
        batch.add(new SinkRow(RAW, "{\"a\":1}"), 10);
        batch.add(new SinkRow(RAW, "{\"b\":\"x}\",\"c\":{\"d\":2}}"), 11);
        byte[] whole = batch.body(1_767_225_600_500L);
        assertEquals(
                "{\"a\":1,\"inserted_ts_ms\":1767225600500}\n"
                        + "{\"b\":\"x}\",\"c\":{\"d\":2},\"inserted_ts_ms\":1767225600500}\n",
                text(whole));
        assertEquals(1_767_225_600_500L, batch.insertedTsMs());
        assertEquals(2, batch.rows());
        assertEquals("{\"a\":1}", batch.row(0).json, "the rows themselves are unchanged");
    }

    @Test
    void slicesOfAStampedBodyAreWholeStampedLines() {
        TableBatch batch = new TableBatch("inserted_ts_ms");
        for (int i = 0; i < 5; i++) {
            batch.add(new SinkRow(RAW, "{\"n\":" + i + "}"), 10);
        }
        byte[] whole = batch.body(7);
        assertEquals("{\"n\":0,\"inserted_ts_ms\":7}\n", text(batch.body(whole, 0, 1)));
        assertEquals(
                "{\"n\":2,\"inserted_ts_ms\":7}\n{\"n\":3,\"inserted_ts_ms\":7}\n",
                text(batch.body(whole, 2, 4)));
        assertEquals("{\"n\":4,\"inserted_ts_ms\":7}\n", text(batch.body(whole, 4, 5)));
    }

    @Test
    void theFirstSendsTimeIsKeptUntilTheBatchIsCleared() {
        TableBatch batch = new TableBatch("inserted_ts_ms");
        batch.add(new SinkRow(RAW, "{\"a\":1}"), 10);
        assertEquals("{\"a\":1,\"inserted_ts_ms\":100}\n", text(batch.body(100)));
        assertEquals("{\"a\":1,\"inserted_ts_ms\":100}\n", text(batch.body(250)), "resent");

        batch.clear();
        batch.add(new SinkRow(RAW, "{\"a\":2}"), 300);
        assertEquals(0L, batch.insertedTsMs());
        assertEquals("{\"a\":2,\"inserted_ts_ms\":400}\n", text(batch.body(400)));
    }

    @Test
    void aStampedBatchTakesOnlyJsonObjects() {
        TableBatch batch = new TableBatch("inserted_ts_ms");
        assertThrows(IllegalArgumentException.class, () -> batch.add(new SinkRow(RAW, "1"), 10));
        assertThrows(IllegalArgumentException.class, () -> batch.add(new SinkRow(RAW, "}"), 10));
        assertEquals(0, batch.rows());
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
