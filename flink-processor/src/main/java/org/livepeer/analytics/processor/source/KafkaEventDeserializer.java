package org.livepeer.analytics.processor.source;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.livepeer.analytics.wire.WireHeaders;

/**
 * Keeps the record value as bytes: parsing happens in the router, where a failure becomes a DLQ row
 * instead of a deserialisation error that would stop the source. Also keeps the record's Kafka
 * timestamp and the gateway's {@code source} and {@code received_at} headers.
 */
public final class KafkaEventDeserializer implements KafkaRecordDeserializationSchema<KafkaEvent> {

    private static final long serialVersionUID = 1L;

    /** Header the ingest gateway writes with the authenticated key's name. */
    public static final String SOURCE_HEADER = WireHeaders.SOURCE;

    /** Header the ingest gateway writes with its receive time (decimal ms). */
    public static final String RECEIVED_AT_HEADER = WireHeaders.RECEIVED_AT;

    /** More digits could overflow a long; no plausible millisecond time has them. */
    private static final int MAX_MS_DIGITS = 18;

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
                                : new String(source.value(), StandardCharsets.UTF_8),
                        Math.max(0L, record.timestamp()),
                        receivedAtMs(record.headers().lastHeader(RECEIVED_AT_HEADER))));
    }

    /**
     * The {@code received_at} header as ms: 1 to 18 ASCII digits, nothing else (no sign, no spaces,
     * no fraction). 0 when the header is absent or anything else, so a bad header never stops the
     * source; the archive row then reads as a direct producer's.
     */
    static long receivedAtMs(Header header) {
        byte[] text = header == null ? null : header.value();
        if (text == null || text.length == 0 || text.length > MAX_MS_DIGITS) {
            return 0L;
        }
        long ms = 0;
        for (byte b : text) {
            if (b < '0' || b > '9') {
                return 0L;
            }
            ms = ms * 10 + (b - '0');
        }
        return ms;
    }

    @Override
    public TypeInformation<KafkaEvent> getProducedType() {
        return TypeInformation.of(KafkaEvent.class);
    }
}
