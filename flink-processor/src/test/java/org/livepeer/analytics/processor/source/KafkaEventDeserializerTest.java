package org.livepeer.analytics.processor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.livepeer.analytics.wire.WireHeaders;

class KafkaEventDeserializerTest {

    private static final byte[] VALUE =
            "{\"id\":\"e1\",\"type\":\"t\",\"timestamp\":1767225600000}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final long KAFKA_TS = 1_767_225_600_250L;

    @Test
    void aGatewayRecordKeepsItsReceiveTimeSourceAndKafkaTimestamp() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireHeaders.RECEIVED_AT, utf8("1767225600123"));
        headers.add(WireHeaders.SOURCE, utf8("edge-1"));

        KafkaEvent event = deserialize(headers, KAFKA_TS);

        assertEquals(1_767_225_600_123L, event.receivedAtMs);
        assertEquals(KAFKA_TS, event.kafkaTsMs);
        assertEquals("edge-1", event.sourceHeader);
        assertEquals("streaming-events", event.topic);
        assertEquals(2, event.partition);
        assertEquals(41L, event.offset);
        assertEquals("e1", event.eventId);
        assertEquals(1_767_225_600_000L, event.eventTsMs);
    }

    @Test
    void aDirectProducersRecordHasNoReceiveTimeButItsKafkaTimestamp() {
        KafkaEvent event = deserialize(new RecordHeaders(), KAFKA_TS);

        assertEquals(0L, event.receivedAtMs);
        assertEquals(KAFKA_TS, event.kafkaTsMs);
        assertNull(event.sourceHeader);
    }

    @Test
    void aRecordWithoutTimestampHasKafkaTimeZero() {
        KafkaEvent event = deserialize(new RecordHeaders(), RecordBatch.NO_TIMESTAMP);
        assertEquals(0L, event.kafkaTsMs);
    }

    @Test
    void theLastReceivedAtHeaderCounts() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireHeaders.RECEIVED_AT, utf8("1"));
        headers.add(WireHeaders.RECEIVED_AT, utf8("1767225600123"));
        assertEquals(1_767_225_600_123L, deserialize(headers, KAFKA_TS).receivedAtMs);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "",
                "abc",
                "-1767225600123",
                "+1767225600123",
                " 1767225600123",
                "1767225600123 ",
                "1767225600123.5",
                "1.767225600123e12",
                "0x1A",
                "1234567890123456789",
                "١٧٦٧"
            })
    void aMalformedReceivedAtHeaderReadsAsZero(String text) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireHeaders.RECEIVED_AT, utf8(text));
        KafkaEvent event = deserialize(headers, KAFKA_TS);
        assertEquals(0L, event.receivedAtMs, text);
        assertEquals(KAFKA_TS, event.kafkaTsMs, "the rest of the record is kept");
        assertEquals("e1", event.eventId);
    }

    @Test
    void aReceivedAtHeaderWithoutValueReadsAsZero() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireHeaders.RECEIVED_AT, null);
        assertEquals(0L, deserialize(headers, KAFKA_TS).receivedAtMs);
    }

    @Test
    void theLargestAcceptedValueHasEighteenDigits() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(WireHeaders.RECEIVED_AT, utf8("999999999999999999"));
        assertEquals(999_999_999_999_999_999L, deserialize(headers, KAFKA_TS).receivedAtMs);
    }

    @Test
    void kafkaEventStaysAFlinkPojoWithItsNewFields() {
        TypeInformation<KafkaEvent> type = new KafkaEventDeserializer().getProducedType();
        assertTrue(type instanceof PojoTypeInfo, "serialised without Kryo: " + type);
        PojoTypeInfo<KafkaEvent> pojo = (PojoTypeInfo<KafkaEvent>) type;
        assertTrue(pojo.getFieldIndex("kafkaTsMs") >= 0);
        assertTrue(pojo.getFieldIndex("receivedAtMs") >= 0);
    }

    private static KafkaEvent deserialize(RecordHeaders headers, long timestamp) {
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>(
                        "streaming-events",
                        2,
                        41L,
                        timestamp,
                        TimestampType.CREATE_TIME,
                        0,
                        VALUE.length,
                        null,
                        VALUE,
                        headers,
                        Optional.empty());
        List<KafkaEvent> out = new ArrayList<>();
        new KafkaEventDeserializer().deserialize(record, new ListCollector<>(out));
        assertEquals(1, out.size());
        return out.get(0);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
