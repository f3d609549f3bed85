package org.livepeer.analytics.processor.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.livepeer.analytics.event.rows.RowJson;
import org.livepeer.analytics.processor.sink.clickhouse.SinkRow;
import org.livepeer.analytics.processor.source.GatewayRejection;

/**
 * Builds the processor's own rows: the raw archive row every record gets, and the dead-letter row
 * of a record that could not become typed rows. Column names follow clickhouse/migrations/V001 and
 * V016; the raw archive's {@code inserted_ts_ms} is added by the sink when it sends the batch.
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

    record DeadLetter(
            String eventId,
            String eventType,
            long eventTsMs,
            String gateway,
            String source,
            String errorType,
            String errorMessage,
            String rawJson,
            String kafkaTopic,
            int kafkaPartition,
            long kafkaOffset,
            long processedTsMs,
            String processedTime,
            String processedDate) {}

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

    static SinkRow deadLetter(RecordContext rec, Identity id, String errorType, String message) {
        String at = RowJson.utcDateTime(rec.processedTsMs());
        return row(
                rec,
                ProcessorTables.DEAD_LETTERS,
                new DeadLetter(
                        id.eventId(),
                        id.eventType(),
                        id.eventTsMs(),
                        id.gateway(),
                        rec.source(),
                        errorType,
                        message == null ? "" : message,
                        rec.text(),
                        rec.topic(),
                        rec.partition(),
                        rec.offset(),
                        rec.processedTsMs(),
                        at,
                        at.substring(0, 10)));
    }

    /**
     * The dead-letter row of a record from the gateway's DLQ topic: {@code source} names the
     * gateway as the one that rejected it; the API key's name goes into the message.
     */
    static SinkRow gatewayDeadLetter(GatewayRejection r, long processedTsMs) {
        String at = RowJson.utcDateTime(processedTsMs);
        boolean typed = r.errorType != null && !r.errorType.isEmpty();
        String message;
        if (!typed) {
            message = "the gateway's DLQ record has no error_type header";
        } else if (r.errorMessage == null) {
            message = "(no error_message header)";
        } else {
            message = r.errorMessage;
        }
        if (r.source != null && !r.source.isEmpty()) {
            message = message + " (key: " + r.source + ")";
        }
        RecordContext rec =
                new RecordContext(
                        r.topic,
                        r.partition,
                        r.offset,
                        GATEWAY_SOURCE,
                        processedTsMs,
                        new String(r.value, StandardCharsets.UTF_8));
        return row(
                rec,
                ProcessorTables.DEAD_LETTERS,
                new DeadLetter(
                        r.eventId == null ? "" : r.eventId,
                        r.eventType == null ? "" : r.eventType,
                        0L,
                        "",
                        GATEWAY_SOURCE,
                        typed ? r.errorType : DeadLetterCodes.INVALID_PAYLOAD,
                        message,
                        rec.text(),
                        rec.topic(),
                        rec.partition(),
                        rec.offset(),
                        processedTsMs,
                        at,
                        at.substring(0, 10)));
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
