package org.livepeer.analytics.processor.source;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Keeps the record value as bytes: parsing happens in the router, where a failure becomes a DLQ row
 * instead of a deserialisation error that would stop the source.
 */
public final class KafkaEventDeserializer implements KafkaRecordDeserializationSchema<KafkaEvent> {

    private static final long serialVersionUID = 1L;

    /** Header the ingest gateway writes with the authenticated key's name. */
    public static final String SOURCE_HEADER = "source";

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<KafkaEvent> out) {
        Header source = record.headers().lastHeader(SOURCE_HEADER);
        out.collect(
                new KafkaEvent(
                        record.value(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        source == null || source.value() == null
                                ? null
                                : new String(source.value(), StandardCharsets.UTF_8)));
    }

    @Override
    public TypeInformation<KafkaEvent> getProducedType() {
        return TypeInformation.of(KafkaEvent.class);
    }
}
