package org.livepeer.analytics.processor.sink.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.processor.row.ProcessorTables;
import org.livepeer.analytics.processor.row.SinkRow;

class ClickHouseSinkWriterTest {

    private static final long DELAY_MS = 1000;

    private final RecordingInserter inserter = new RecordingInserter();
    private final ManualTime time = new ManualTime();
    private final SinkMetrics metrics =
            new SinkMetrics(
                    new SimpleCounter(),
                    new SimpleCounter(),
                    new SimpleCounter(),
                    new SimpleCounter(),
                    new DescriptiveStatisticsHistogram(10),
                    new SimpleCounter());

    /** A rollup of tables {@code src} and {@code src2} whose statement is its hour and version. */
    private static final HourlyRollup ROLLUP =
            new HourlyRollup(
                    "hourly",
                    Set.of("src", "src2"),
                    "RECOMPUTE {hour_start:UInt32} {refreshed_ms:UInt64}");

    private static final long REFRESH_MS = 30_000;
    private static final long HOUR_MS = 3_600_000;
    private static final long T0 = 1_764_000_000_000L / HOUR_MS * HOUR_MS;

    private ClickHouseSinkWriter writer(int maxRows, long maxBytes) {
        return writer(maxRows, maxBytes, List.of());
    }

    private ClickHouseSinkWriter writer(int maxRows, long maxBytes, List<RollupHour> owed) {
        ClickHouseSinkConfig config =
                new ClickHouseSinkConfig(
                        URI.create("http://127.0.0.1:1"),
                        "w",
                        "p",
                        "db",
                        maxRows,
                        maxBytes,
                        DELAY_MS,
                        1000,
                        REFRESH_MS,
                        "events");
        return new ClickHouseSinkWriter(
                config,
                inserter,
                time,
                metrics,
                new RollupRefresher(List.of(ROLLUP), REFRESH_MS, owed));
    }

    private static SinkRow sourceRow(long eventMs) {
        return new SinkRow("src", "{\"event_id\":\"e\",\"event_ts_ms\":" + eventMs + "}");
    }

    @Test
    void recomputesEachTouchedHourOnceAfterItsRowsWereSent() throws Exception {
        ClickHouseSinkWriter writer = writer(100, 1 << 20);
        writer.write(sourceRow(T0 + 5), null);
        writer.write(sourceRow(T0 + HOUR_MS - 1), null);
        writer.write(sourceRow(T0 + HOUR_MS), null);
        writer.write(new SinkRow("other", "{\"event_ts_ms\":1}"), null);
        assertEquals(List.of(), inserter.statements);

        writer.flush(false);

        assertEquals(2, inserter.batches.size(), "src and other sent first");
        assertEquals(
                List.of("RECOMPUTE " + T0 / 1000, "RECOMPUTE " + (T0 + HOUR_MS) / 1000),
                inserter.statements.stream()
                        .map(st -> st.substring(0, st.lastIndexOf(' ')))
                        .toList());
        assertEquals(2, metrics.rollupHoursRecomputed().getCount());
        assertEquals(List.of(), writer.snapshotState(1));
    }

    @Test
    void rowsOfSeveralSourcesInOneHourRecomputeItOnceAndUnreadableTimesCountWhenProcessed()
            throws Exception {
        ClickHouseSinkWriter writer = writer(100, 1 << 20);
        writer.write(sourceRow(T0 + 5), null);
        writer.write(new SinkRow("src2", "{\"event_ts_ms\":" + (T0 + 7) + "}"), null);
        writer.write(
                new SinkRow(
                        "src2",
                        "{\"event_ts_ms\":0,\"processed_ts_ms\":" + (T0 + 3 * HOUR_MS) + "}"),
                null);

        writer.flush(false);

        assertEquals(
                List.of("RECOMPUTE " + T0 / 1000, "RECOMPUTE " + (T0 + 3 * HOUR_MS) / 1000),
                inserter.statements.stream()
                        .map(st -> st.substring(0, st.lastIndexOf(' ')))
                        .toList());
    }

    @Test
    void recomputesAtMostOncePerIntervalAndCheckpointsWhatItStillOwes() throws Exception {
        ClickHouseSinkWriter writer = writer(100, 1 << 20);
        writer.write(sourceRow(T0), null);
        writer.flush(false);
        writer.write(sourceRow(T0 + 1), null);
        time.advance(REFRESH_MS - 1);
        writer.flush(false);

        assertEquals(1, inserter.statements.size());
        List<RollupHour> owed = writer.snapshotState(2);
        assertEquals(List.of(new RollupHour("hourly", T0 / 1000)), owed);

        // A writer restored from that checkpoint recomputes the hour at its first flush.
        ClickHouseSinkWriter restored = writer(100, 1 << 20, owed);
        restored.flush(false);
        assertEquals(2, inserter.statements.size());
        assertTrue(inserter.statements.get(1).startsWith("RECOMPUTE " + T0 / 1000 + " "));
    }

    @Test
    void theEndOfInputRecomputesWithoutWaitingForTheInterval() throws Exception {
        ClickHouseSinkWriter writer = writer(100, 1 << 20);
        writer.write(sourceRow(T0), null);
        writer.flush(false);
        writer.write(sourceRow(T0 + 2 * HOUR_MS), null);
        writer.flush(true);
        assertEquals(2, inserter.statements.size());
    }

    @Test
    void ownedHoursSurviveTheStateSerializer() throws Exception {
        RollupHour.Serializer serializer = new RollupHour.Serializer();
        RollupHour hour = new RollupHour("orchestrator_hourly_stats", T0 / 1000);
        assertEquals(
                hour, serializer.deserialize(serializer.getVersion(), serializer.serialize(hour)));
    }

    @Test
    void holdsRowsUntilFlushThenSendsOneBatchPerTable() throws Exception {
        ClickHouseSinkWriter writer = writer(100, 1 << 20);
        writer.write(new SinkRow("a", "{\"x\":1}"), null);
        writer.write(new SinkRow("b", "{\"y\":2}"), null);
        writer.write(new SinkRow("a", "{\"x\":3}"), null);
        assertEquals(List.of(), inserter.batches);

        writer.flush(false);

        assertEquals(List.of("a:{\"x\":1}\n{\"x\":3}\n", "b:{\"y\":2}\n"), inserter.batches);
        writer.flush(false);
        assertEquals(2, inserter.batches.size(), "an empty flush sends nothing");
    }

    @Test
    void sendsATableBatchWhenItReachesTheRowBound() throws Exception {
        ClickHouseSinkWriter writer = writer(2, 1 << 20);
        writer.write(new SinkRow("a", "1"), null);
        writer.write(new SinkRow("a", "2"), null);
        writer.write(new SinkRow("a", "3"), null);
        assertEquals(List.of("a:1\n2\n"), inserter.batches);
    }

    @Test
    void sendsATableBatchWhenItReachesTheByteBound() throws Exception {
        ClickHouseSinkWriter writer = writer(1000, 10);
        writer.write(new SinkRow("a", "12345"), null);
        assertEquals(List.of(), inserter.batches);
        writer.write(new SinkRow("a", "67890"), null);
        assertEquals(List.of("a:12345\n67890\n"), inserter.batches);
    }

    @Test
    void timerSendsBatchesOlderThanTheDelayBound() throws Exception {
        ClickHouseSinkWriter writer = writer(1000, 1 << 20);
        writer.write(new SinkRow("a", "1"), null);
        time.advance(DELAY_MS / 2);
        assertEquals(List.of(), inserter.batches);
        time.advance(DELAY_MS);
        assertEquals(List.of("a:1\n"), inserter.batches);
    }

    @Test
    void aBatchBegunAfterTheTimerWasSetIsSentOneDelayAfterItsFirstRow() throws Exception {
        ClickHouseSinkWriter writer = writer(1000, 1 << 20);
        writer.write(new SinkRow("a", "1"), null);
        time.advance(10);
        writer.write(new SinkRow("b", "2"), null);
        time.advance(DELAY_MS - 10);
        assertEquals(List.of("a:1\n"), inserter.batches);
        time.advance(10);
        assertEquals(List.of("a:1\n", "b:2\n"), inserter.batches);
    }

    @Test
    void aFailedInsertFailsTheFlushAndKeepsTheRows() throws Exception {
        ClickHouseSinkWriter writer = writer(1000, 1 << 20);
        writer.write(new SinkRow("a", "1"), null);
        inserter.failNext = true;
        assertThrows(IOException.class, () -> writer.flush(false));
        writer.flush(false);
        assertEquals(List.of("a:1\n"), inserter.batches);
    }

    @Test
    void aRejectedBatchIsSplitUntilTheBadRowsAreDeadLetteredAndTheRestIsWritten() throws Exception {
        ClickHouseSinkWriter writer = writer(1000, 1 << 20);
        for (int i = 0; i < 10; i++) {
            String json =
                    i == 3 || i == 7 ? "{\"event_id\":\"bad" + i + "\"}" : "{\"n\":" + i + "}";
            writer.write(new SinkRow("a", json, "topic", 2, 100 + i), null);
        }
        writer.flush(false);

        String written =
                String.join(
                        "",
                        inserter.batches.stream()
                                .filter(b -> b.startsWith("a:"))
                                .map(b -> b.substring(2))
                                .toList());
        for (int i = 0; i < 10; i++) {
            boolean bad = i == 3 || i == 7;
            assertEquals(!bad, written.contains("{\"n\":" + i + "}\n"), "row " + i);
        }
        assertEquals(8, written.split("\n").length, "each good row is written exactly once");
        List<String> dlq =
                inserter.batches.stream()
                        .filter(b -> b.startsWith("streaming_events_dlq:"))
                        .toList();
        assertEquals(1, dlq.size(), "dead letters are flushed with the checkpoint");
        String[] deadLetters = dlq.get(0).substring("streaming_events_dlq:".length()).split("\n");
        assertEquals(2, deadLetters.length);
        assertTrue(deadLetters[0].contains("\"event_id\":\"bad3\""), deadLetters[0]);
        assertTrue(deadLetters[0].contains("\"error_type\":\"sink_rejected\""), deadLetters[0]);
        assertTrue(deadLetters[0].contains("Cannot parse"), deadLetters[0]);
        assertTrue(deadLetters[0].contains("\"kafka_offset\":103"), deadLetters[0]);
        assertTrue(deadLetters[1].contains("\"event_id\":\"bad7\""), deadLetters[1]);
        assertEquals(8 + 2, metrics.rowsWritten().getCount(), "good rows plus dead letters");
        assertEquals(2, metrics.rowsDeadLettered().getCount());
    }

    @Test
    void rejectedDeadLettersFailTheFlushRatherThanVanish() throws Exception {
        ClickHouseSinkWriter writer = writer(1000, 1 << 20);
        writer.write(new SinkRow("streaming_events_dlq", "{\"event_id\":\"poison\"}"), null);
        IOException e = assertThrows(IOException.class, () -> writer.flush(false));
        assertTrue(e.getMessage().contains("dead-letter"), e.getMessage());
    }

    @Test
    void rawArchiveRowsGetTheTimeTheirBatchIsSentOtherTablesDoNot() throws Exception {
        ClickHouseSinkWriter writer = writer(1000, 1 << 20);
        long writtenAt = time.getCurrentProcessingTime();
        writer.write(new SinkRow(ProcessorTables.RAW_ARCHIVE, "{\"n\":1}"), null);
        writer.write(new SinkRow("a", "{\"n\":2}"), null);
        time.advance(DELAY_MS / 2);
        writer.write(new SinkRow(ProcessorTables.RAW_ARCHIVE, "{\"n\":3}"), null);
        time.advance(DELAY_MS / 4);
        long sentAt = time.getCurrentProcessingTime();

        writer.flush(false);

        assertTrue(sentAt > writtenAt);
        String stamp = ",\"inserted_ts_ms\":" + sentAt + "}";
        assertEquals(
                List.of(
                        "streaming_events:{\"n\":1" + stamp + "\n{\"n\":3" + stamp + "\n",
                        "a:{\"n\":2}\n"),
                inserter.batches);
    }

    @Test
    void aBatchSentAgainAfterAFailureKeepsItsFirstAttemptsInsertTime() throws Exception {
        ClickHouseSinkWriter writer = writer(1000, 1 << 20);
        writer.write(new SinkRow(ProcessorTables.RAW_ARCHIVE, "{\"n\":1}"), null);
        long firstAttempt = time.getCurrentProcessingTime();
        inserter.failNext = true;
        assertThrows(IOException.class, () -> writer.flush(false));
        time.advance(DELAY_MS * 3);

        writer.flush(false);

        assertEquals(
                List.of("streaming_events:{\"n\":1,\"inserted_ts_ms\":" + firstAttempt + "}\n"),
                inserter.batches);
    }

    @Test
    void theHalvesOfARejectedRawBatchCarryOneInsertTimeAndDeadLettersTheUnstampedRow()
            throws Exception {
        ClickHouseSinkWriter writer = writer(1000, 1 << 20);
        for (int i = 0; i < 4; i++) {
            String json = i == 2 ? "{\"event_id\":\"bad2\"}" : "{\"n\":" + i + "}";
            writer.write(new SinkRow(ProcessorTables.RAW_ARCHIVE, json, "topic", 0, 10 + i), null);
        }
        long sentAt = time.getCurrentProcessingTime();
        writer.flush(false);

        String stamp = ",\"inserted_ts_ms\":" + sentAt + "}\n";
        String written =
                String.join(
                        "",
                        inserter.batches.stream()
                                .filter(b -> b.startsWith("streaming_events:"))
                                .map(b -> b.substring("streaming_events:".length()))
                                .toList());
        assertEquals("{\"n\":0" + stamp + "{\"n\":1" + stamp + "{\"n\":3" + stamp, written);
        String dlq =
                inserter.batches.stream()
                        .filter(b -> b.startsWith("streaming_events_dlq:"))
                        .findFirst()
                        .orElseThrow();
        assertTrue(dlq.contains("\"raw_json\":\"{\\\"event_id\\\":\\\"bad2\\\"}\""), dlq);
    }

    /**
     * Records batches; rejects as bad data a batch with a {@code "bad...} value, or a dead-letter
     * batch mentioning {@code poison}.
     */
    private static final class RecordingInserter implements BatchInserter {
        final List<String> batches = new ArrayList<>();
        final List<String> statements = new ArrayList<>();
        boolean failNext;

        @Override
        public InsertVerdict execute(String statement, String what) {
            statements.add(statement);
            return new InsertVerdict.Inserted(0);
        }

        @Override
        public InsertVerdict insert(String table, byte[] body, int rows) {
            if (failNext) {
                failNext = false;
                return new InsertVerdict.Retryable("refused");
            }
            String text = new String(body, StandardCharsets.UTF_8);
            boolean dlq = table.equals(ProcessorTables.DEAD_LETTERS);
            if (dlq ? text.contains("poison") : text.contains("\"bad")) {
                return new InsertVerdict.Rejected("Code: 27. Cannot parse input");
            }
            batches.add(table + ":" + text);
            return new InsertVerdict.Inserted(0);
        }
    }

    /** Processing time that moves only when the test says so, firing due timers in order. */
    private static final class ManualTime implements ProcessingTimeService {
        private long now = 1_000_000;
        private final List<long[]> dueAt = new ArrayList<>();
        private final List<ProcessingTimeCallback> callbacks = new ArrayList<>();

        @Override
        public long getCurrentProcessingTime() {
            return now;
        }

        @Override
        public ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback target) {
            dueAt.add(new long[] {timestamp});
            callbacks.add(target);
            return null;
        }

        void advance(long ms) throws Exception {
            now += ms;
            for (int i = 0; i < callbacks.size(); i++) {
                if (dueAt.get(i)[0] <= now) {
                    ProcessingTimeCallback cb = callbacks.remove(i);
                    dueAt.remove(i);
                    i--;
                    cb.onProcessingTime(now);
                }
            }
            assertTrue(callbacks.size() <= 1, "at most one timer is pending");
        }
    }
}
