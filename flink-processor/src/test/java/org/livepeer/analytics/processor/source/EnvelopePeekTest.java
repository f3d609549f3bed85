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
