package org.livepeer.analytics.processor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopePeekTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"id\":\"a\",\"timestamp\":1767908955607,\"data\":{}}|a|1767908955607",
                "{\"data\":{\"id\":\"inner\",\"timestamp\":1},\"timestamp\":\"1767908955607\",\"id\":\"b\"}|b|1767908955607",
                "{\"id\":\"c\",\"timestamp\":1767908955}|c|0",
                "{\"id\":\"d\",\"timestamp\":1767908955607.5}|d|0",
                "{\"id\":\"e\",\"timestamp\":-1}|e|0",
                "{\"id\":5,\"timestamp\":1767908955607}||1767908955607",
                "{\"id\":\"\"}||0",
                "[{\"id\":\"f\"}]||0",
                "{\"id\":\"g\",\"timestamp\":1767908955607,|g|1767908955607",
                "not json||0",
            })
    void readsOnlyTheTopLevelIdAndAValidTimestamp(String json, String id, long ts) {
        EnvelopePeek peek = EnvelopePeek.of(json.getBytes(StandardCharsets.UTF_8));
        if (id == null) {
            assertNull(peek.id());
        } else {
            assertEquals(id, peek.id());
        }
        assertEquals(ts, peek.timestampMs());
    }

    /** The ingest gateway's Kafka key rule: a non-empty string directly under {@code data}. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"id\":\"a\",\"timestamp\":1767908955607,\"data\":{\"x\":[1,{\"stream_id\":\"n\"}],\"stream_id\":\"s1\"}}|s1|a",
                "{\"data\":{\"stream_id\":\"s2\",\"request_id\":\"r\"},\"id\":\"b\",\"timestamp\":1}|s2|b",
                "{\"id\":\"c\",\"data\":{\"orchestrator_info\":{\"stream_id\":\"n\"}}}||c",
                "{\"id\":\"d\",\"data\":{\"stream_id\":\"\"}}||d",
                "{\"id\":\"e\",\"data\":{\"stream_id\":7}}||e",
                "{\"id\":\"f\",\"data\":[{\"stream_id\":\"n\"}]}||f",
                "{\"id\":\"g\",\"stream_id\":\"n\",\"data\":{}}||g",
                "{\"id\":\"h\",\"data\":{\"stream_id\":\"s3\",|s3|h",
            })
    void readsTheStreamIdDirectlyUnderData(String json, String streamId, String id) {
        EnvelopePeek peek = EnvelopePeek.of(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(streamId, peek.streamId());
        assertEquals(id, peek.id());
    }

    @ParameterizedTest
    @CsvSource({
        // envelope ts, kafka ts, expected
        "1767908955607, 1767908956000, 1767908955607",
        "1767908955607, 1767908000000, 1767908000000",
        "0, 1767908000000, 1767908000000",
        "1767908955607, -1, 1767908955607",
    })
    void eventTimeIsTheEnvelopeTimestampUnlessItLeadsKafkaTimeTooFar(
            long envelopeTs, long kafkaTs, long expected) {
        KafkaEvent event = new KafkaEvent();
        event.eventTsMs = envelopeTs;
        assertEquals(expected, new EventTimestamps().extractTimestamp(event, kafkaTs));
    }
}
