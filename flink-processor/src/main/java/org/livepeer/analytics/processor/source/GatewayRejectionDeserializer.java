package org.livepeer.analytics.processor.source;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.livepeer.analytics.wire.WireHeaders;

/**
 * Reads the gateway's DLQ records with their header contract ({@link WireHeaders}, UTF-8 values):
 * {@code error_type}, {@code error_message}, {@code source}, {@code received_at}, {@code event_id},
 * {@code event_type}, {@code truncated}. Never fails: a missing header stays null and is explained
 * downstream.
 */
public final class GatewayRejectionDeserializer
        implements KafkaRecordDeserializationSchema<GatewayRejection> {

    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<GatewayRejection> out) {
        GatewayRejection r = new GatewayRejection();
        r.value = record.value() == null ? new byte[0] : record.value();
        r.topic = record.topic();
        r.partition = record.partition();
        r.offset = record.offset();
        Headers h = record.headers();
        r.errorType = header(h, WireHeaders.ERROR_TYPE);
        r.errorMessage = header(h, WireHeaders.ERROR_MESSAGE);
        r.source = header(h, WireHeaders.SOURCE);
        r.receivedAt = header(h, WireHeaders.RECEIVED_AT);
        r.eventId = header(h, WireHeaders.EVENT_ID);
        r.eventType = header(h, WireHeaders.EVENT_TYPE);
        r.truncated = header(h, WireHeaders.TRUNCATED);
        out.collect(r);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? null
                : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public TypeInformation<GatewayRejection> getProducedType() {
        return TypeInformation.of(GatewayRejection.class);
    }
}
