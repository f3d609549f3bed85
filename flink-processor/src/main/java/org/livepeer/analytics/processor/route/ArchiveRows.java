package org.livepeer.analytics.processor.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.livepeer.analytics.event.envelope.EnvelopeError;
import org.livepeer.analytics.event.rows.RowJson;
import org.livepeer.analytics.processor.row.DeadLetterCode;
import org.livepeer.analytics.processor.row.DeadLetterRow;
import org.livepeer.analytics.processor.row.ProcessorTables;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.GatewayRejection;

/**
 * Builds the processor's own rows: the raw archive row every record gets, and the dead-letter row
 * ({@link DeadLetterRow}) of a record that could not become typed rows. Column names follow
 * clickhouse/migrations/V001 and V016; the raw archive's {@code inserted_ts_ms} is added by the
 * sink when it sends the batch.
 */
final class ArchiveRows {

    /** Who is named in `source` when the record carries no gateway header (a direct producer). */
    static final String DIRECT_SOURCE = "kafka";

    /** The `source` of dead letters copied from the gateway's DLQ topic. */
    static final String GATEWAY_SOURCE = "gateway";

    private static final ObjectWriter WRITER =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .build()
                    .writer();

    private ArchiveRows() {}

    record RawEvent(
            String eventId,
            String eventType,
            long eventTsMs,
            String eventTime,
            String eventDate,
            String gateway,
            String source,
            String payload,
            int kafkaPartition,
            long kafkaOffset,
            long processedTsMs,
            long receivedTsMs,
            long kafkaTsMs) {}

    /** What is known of a record's envelope; empty strings and 0 where it could not be read. */
    record Identity(String eventId, String eventType, long eventTsMs, String gateway) {
        static final Identity UNKNOWN = new Identity("", "", 0L, "");
    }

    static SinkRow raw(RecordContext rec, Identity id) {
        // Records without a readable timestamp are archived under the time they were processed.
        long dateMs = id.eventTsMs() > 0 ? id.eventTsMs() : rec.processedTsMs();
        String at = RowJson.utcDateTime(dateMs);
        return row(
                rec,
                ProcessorTables.RAW_ARCHIVE,
                new RawEvent(
                        id.eventId(),
                        id.eventType(),
                        id.eventTsMs(),
                        at,
                        at.substring(0, 10),
                        id.gateway(),
                        rec.source(),
                        rec.text(),
                        rec.partition(),
                        rec.offset(),
                        rec.processedTsMs(),
                        rec.receivedTsMs(),
                        rec.kafkaTsMs()));
    }

    static SinkRow deadLetter(
            RecordContext rec, Identity id, DeadLetterCode errorType, String message) {
        return new DeadLetterRow(
                        id.eventId(),
                        id.eventType(),
                        id.eventTsMs(),
                        id.gateway(),
                        rec.source(),
                        errorType,
                        message,
                        rec.text(),
                        rec.topic(),
                        rec.partition(),
                        rec.offset(),
                        rec.processedTsMs())
                .toSinkRow();
    }

    /**
     * The dead-letter row of a record from the gateway's DLQ topic: {@code source} names the
     * gateway as the one that rejected it; the API key's name goes into the message. The gateway's
     * code (an envelope code) is named in the processor's closed set; a header of no known code is
     * an invalid payload, and the header is quoted in the message instead.
     */
    static SinkRow gatewayDeadLetter(GatewayRejection r, long processedTsMs) {
        boolean typed = r.errorType != null && !r.errorType.isEmpty();
        DeadLetterCode code =
                typed ? DeadLetterCode.fromEnvelope(r.errorType) : DeadLetterCode.INVALID_PAYLOAD;
        String message;
        if (!typed) {
            message = "the gateway's DLQ record has no error_type header";
        } else if (r.errorMessage == null) {
            message = "(no error_message header)";
        } else {
            message = r.errorMessage;
        }
        if (typed && !isEnvelopeCode(r.errorType)) {
            message = "gateway error_type '" + r.errorType + "': " + message;
        }
        if (r.source != null && !r.source.isEmpty()) {
            message = message + " (key: " + r.source + ")";
        }
        return new DeadLetterRow(
                        r.eventId == null ? "" : r.eventId,
                        r.eventType == null ? "" : r.eventType,
                        0L,
                        "",
                        GATEWAY_SOURCE,
                        code,
                        message,
                        new String(r.value, StandardCharsets.UTF_8),
                        r.topic,
                        r.partition,
                        r.offset,
                        processedTsMs)
                .toSinkRow();
    }

    /** The codes the gateway writes: the envelope's (docs/ingest-api.md, "Errors"). */
    private static boolean isEnvelopeCode(String code) {
        return code.equals(EnvelopeError.INVALID_JSON)
                || code.equals(EnvelopeError.NOT_AN_OBJECT)
                || code.equals(EnvelopeError.INVALID_TIMESTAMP)
                || code.startsWith(EnvelopeError.MISSING_FIELD_PREFIX)
                || code.startsWith(EnvelopeError.WRONG_TYPE_PREFIX);
    }

    private static SinkRow row(RecordContext rec, String table, Record row) {
        try {
            return new SinkRow(
                    table,
                    WRITER.writeValueAsString(row),
                    rec.topic(),
                    rec.partition(),
                    rec.offset());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + table + " row", e);
        }
    }
}
