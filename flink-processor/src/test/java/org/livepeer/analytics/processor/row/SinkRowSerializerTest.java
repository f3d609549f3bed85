package org.livepeer.analytics.processor.row;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SinkRowSerializerTest {

    private static final SinkRow ROW =
            new SinkRow(
                    "streaming_events",
                    "{\"payload\":\"caf\u00e9 \u2603 \ud83d\ude00\",\"n\":1}",
                    "streaming-events",
                    2,
                    123_456_789_012L);

    @Test
    void flinkUsesItForSinkRows() {
        TypeInformation<SinkRow> type = TypeInformation.of(SinkRow.class);
        assertInstanceOf(SinkRowTypeInfo.class, type);
        assertInstanceOf(
                SinkRowSerializer.class, type.createSerializer(new SerializerConfigImpl()));
    }

    @Test
    void aRowSurvivesTheTripWithEveryField() throws Exception {
        SinkRow back = roundTrip(serialize(ROW));
        assertEquals(ROW, back);
        assertEquals(ROW.kafkaTopic, back.kafkaTopic);
        assertEquals(ROW.kafkaPartition, back.kafkaPartition);
        assertEquals(ROW.kafkaOffset, back.kafkaOffset);
    }

    @Test
    void copyingTheBytesGivesTheSameRow() throws Exception {
        DataOutputSerializer copied = new DataOutputSerializer(64);
        SinkRowSerializer.INSTANCE.copy(
                new DataInputDeserializer(serialize(ROW).getCopyOfBuffer()), copied);
        SinkRow back = roundTrip(copied);
        assertEquals(ROW, back);
        assertEquals(ROW.kafkaOffset, back.kafkaOffset);
    }

    private static DataOutputSerializer serialize(SinkRow row) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        SinkRowSerializer.INSTANCE.serialize(row, out);
        return out;
    }

    private static SinkRow roundTrip(DataOutputSerializer out) throws Exception {
        return SinkRowSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
