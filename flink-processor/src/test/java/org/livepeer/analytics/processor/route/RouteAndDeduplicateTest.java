package org.livepeer.analytics.processor.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livepeer.analytics.processor.live.LiveSignal;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.KafkaEvent;

class RouteAndDeduplicateTest {

    private static final Duration TTL = Duration.ofHours(24);

    @Test
    void aSecondCopyOfAnEventIdIsArchivedButNotTypedAgain() throws Exception {
        try (var harness = harness()) {
            String status = TestEvents.lines("ai_stream_status").get(0);
            String invalid = "{\"id\":\"bad-1\",\"type\":\"ai_stream_status\",\"data\":{}}";
            harness.processElement(record(status, 1), 0);
            harness.processElement(record(status, 2), 0);
            harness.processElement(record(invalid, 3), 0);
            harness.processElement(record(invalid, 4), 0);
            harness.processElement(record("not json", 5), 0);
            harness.processElement(record("not json", 6), 0);

            assertEquals(6, harness.getSideOutput(RouteAndDeduplicate.RAW_ARCHIVE).size());
            assertEquals(1, harness.extractOutputValues().size(), "typed rows once");
            // dead letters are never deduplicated: every copy of an invalid record is explained
            assertEquals(4, harness.getSideOutput(RouteAndDeduplicate.DEAD_LETTERS).size());
        }
    }

    @Test
    void eventsOfOneStreamShareAKeyAndEachIdIsDroppedOnlyAsACopyOfItself() throws Exception {
        try (var harness = harness()) {
            String first = TestEvents.lines("ai_stream_status").get(0);
            String second =
                    TestEvents.set(TestEvents.tree(first), "/id", "\"another-id\"").toString();
            assertEquals(key(first), key(second), "one stream, one key");
            harness.processElement(record(first, 1), 0);
            harness.processElement(record(second, 2), 0);
            harness.processElement(record(first, 3), 0);
            harness.processElement(record(second, 4), 0);

            assertEquals(2, harness.extractOutputValues().size());
        }
    }

    @Test
    void anEventWithoutAStreamIsKeyedAndDeduplicatedByItsId() throws Exception {
        try (var harness = harness()) {
            String event = TestEvents.lines("network_capabilities").get(0);
            assertEquals(TestEvents.tree(event).get("id").textValue(), key(event));
            int rows = TestEvents.route(event).typed().size();
            harness.processElement(record(event, 1), 0);
            harness.processElement(record(event, 2), 0);

            assertEquals(rows, harness.extractOutputValues().size());
        }
    }

    @Test
    void aMalformedRecordCarryingASeenIdStillReachesTheDeadLetters() throws Exception {
        try (var harness = harness()) {
            String status = TestEvents.lines("ai_stream_status").get(0);
            harness.processElement(record(status, 1), 0);
            // Two events concatenated: the first's id is readable, the record is invalid_json.
            harness.processElement(record(status + status, 2), 0);

            assertEquals(1, harness.extractOutputValues().size());
            assertEquals(1, harness.getSideOutput(RouteAndDeduplicate.DEAD_LETTERS).size());
            assertTrue(
                    harness.getSideOutput(RouteAndDeduplicate.DEAD_LETTERS)
                            .peek()
                            .getValue()
                            .json
                            .contains("\"error_type\":\"invalid_json\""));
        }
    }

    @Test
    void anIdIsForgottenAfterTheTtl() throws Exception {
        try (var harness = harness()) {
            String status = TestEvents.lines("ai_stream_status").get(0);
            harness.setStateTtlProcessingTime(0);
            harness.processElement(record(status, 1), 0);
            harness.setStateTtlProcessingTime(TTL.toMillis() + 1);
            harness.processElement(record(status, 2), 0);
            assertEquals(2, harness.extractOutputValues().size());
        }
    }

    @Test
    void liveSignalsComeFromTheSameParseOncePerEvent() throws Exception {
        try (var harness = harness()) {
            String status = TestEvents.lines("ai_stream_status").get(0);
            String unknown =
                    "{\"id\":\"u-1\",\"type\":\"brand_new\",\"timestamp\":1767225600000,"
                            + "\"data\":{}}";
            harness.processElement(record(status, 1), 0);
            harness.processElement(record(status, 2), 0);
            harness.processElement(record("not json", 3), 0);
            harness.processElement(record("not json", 4), 0);
            harness.processElement(record(unknown, 5), 0);

            List<LiveSignal> signals =
                    harness.getSideOutput(RouteAndDeduplicate.LIVE_SIGNALS).stream()
                            .map(StreamRecord::getValue)
                            .toList();
            assertEquals(
                    List.of(
                            "ai_stream_status",
                            LiveSignal.INVALID,
                            LiveSignal.INVALID,
                            "brand_new"),
                    signals.stream().map(s -> s.eventType).toList(),
                    "the retried copy yields no signal; every invalid record counts");
            assertEquals(
                    TestEvents.tree(status).at("/data/stream_id").textValue(),
                    signals.get(0).streamId,
                    "described from the parsed row");
            assertEquals(1767225600000L, signals.get(3).eventTsMs);
        }
    }

    @Test
    void noLiveSignalsWhenTheLiveBranchIsOff() throws Exception {
        try (var harness =
                harness(new RouteAndDeduplicate(TTL, false), new DedupKey(), "hashmap", null)) {
            harness.processElement(record(TestEvents.lines("ai_stream_status").get(0), 1), 0);
            assertNull(harness.getSideOutput(RouteAndDeduplicate.LIVE_SIGNALS));
            assertEquals(1, harness.extractOutputValues().size());
        }
    }

    /**
     * An upgrade resumes from a checkpoint of the versions keyed by event id, whose seen ids were a
     * value state: the restore succeeds and the dedup starts afresh (a copy retried across the
     * upgrade is typed again; the tables' ReplacingMergeTree keys collapse it).
     */
    @ParameterizedTest
    @ValueSource(strings = {"rocksdb", "hashmap"})
    void aCheckpointOfTheIdKeyedStateRestores(String backend) throws Exception {
        String status = TestEvents.lines("ai_stream_status").get(0);
        OperatorSubtaskState idKeyed;
        try (var before =
                harness(new IdKeyedSeenIds(), (KafkaEvent e) -> e.eventId, backend, null)) {
            before.processElement(record(status, 1), 0);
            idKeyed = before.snapshot(1, 1);
        }
        try (var after =
                harness(new RouteAndDeduplicate(TTL, true), new DedupKey(), backend, idKeyed)) {
            after.processElement(record(status, 2), 0);
            after.processElement(record(status, 3), 0);
            assertEquals(1, after.extractOutputValues().size());
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, KafkaEvent, SinkRow> harness()
            throws Exception {
        return harness(new RouteAndDeduplicate(TTL, true), new DedupKey(), "hashmap", null);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, KafkaEvent, SinkRow> harness(
            KeyedProcessFunction<String, KafkaEvent, SinkRow> function,
            KeySelector<KafkaEvent, String> key,
            String backend,
            OperatorSubtaskState restored)
            throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(function), key, Types.STRING);
        harness.setStateBackend(stateBackend(backend));
        if (restored == null) {
            harness.setup();
        } else {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    private static StateBackend stateBackend(String name) {
        return "rocksdb".equals(name)
                ? new EmbeddedRocksDBStateBackend()
                : new HashMapStateBackend();
    }

    private static String key(String json) throws Exception {
        return new DedupKey().getKey(record(json, 0));
    }

    private static KafkaEvent record(String value, long offset) {
        return new KafkaEvent(
                value.getBytes(StandardCharsets.UTF_8), "streaming-events", 0, offset, null);
    }

    /** The seen ids as the versions keyed by event id kept them: a value state with a TTL. */
    private static final class IdKeyedSeenIds
            extends KeyedProcessFunction<String, KafkaEvent, SinkRow> {

        private static final long serialVersionUID = 1L;

        private transient ValueState<Boolean> seen;

        @Override
        public void open(OpenContext openContext) {
            ValueStateDescriptor<Boolean> descriptor =
                    new ValueStateDescriptor<>("seen-event-id", Types.BOOLEAN);
            descriptor.enableTimeToLive(
                    StateTtlConfig.newBuilder(TTL)
                            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                            .cleanupFullSnapshot()
                            .cleanupInRocksdbCompactFilter(1000)
                            .build());
            seen = getRuntimeContext().getState(descriptor);
        }

        @Override
        public void processElement(KafkaEvent event, Context ctx, Collector<SinkRow> out)
                throws Exception {
            seen.update(Boolean.TRUE);
        }
    }
}
