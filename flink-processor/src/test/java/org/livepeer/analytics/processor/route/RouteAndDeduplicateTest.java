package org.livepeer.analytics.processor.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.processor.sink.clickhouse.SinkRow;
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

    private static KeyedOneInputStreamOperatorTestHarness<String, KafkaEvent, SinkRow> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new RouteAndDeduplicate(TTL), new DedupKey(), Types.STRING);
    }

    private static KafkaEvent record(String value, long offset) {
        return new KafkaEvent(
                value.getBytes(StandardCharsets.UTF_8), "streaming-events", 0, offset, null);
    }
}
