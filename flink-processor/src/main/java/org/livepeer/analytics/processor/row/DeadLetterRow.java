package org.livepeer.analytics.processor.row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.livepeer.analytics.event.rows.RowJson;

/**
 * One {@code streaming_events_dlq} row, whoever found the record bad: the router (a record that is
 * not a valid event), the copy of the gateway's rejections, or the sink (a row ClickHouse
 * rejected). The one place that knows the table's columns (clickhouse/migrations/V001, V016) and
 * renders them; {@code processed_time} and {@code processed_date} are derived from {@code
 * processedTsMs}.
 *
 * @param errorType the class of the fault, from the closed set
 * @param errorMessage the variable detail (paths, values, the server's error), for humans
 * @param rawJson the record as received, or the rejected row
 */
public record DeadLetterRow(
        String eventId,
        String eventType,
        long eventTsMs,
        String gateway,
        String source,
        DeadLetterCode errorType,
        String errorMessage,
        String rawJson,
        String kafkaTopic,
        int kafkaPartition,
        long kafkaOffset,
        long processedTsMs) {

    private static final ObjectWriter WRITER =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .build()
                    .writer();

    /** The row's columns in the order of the table. */
    private record Columns(
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

    /** The row on its way to the sink, carrying the Kafka origin of the record. */
    public SinkRow toSinkRow() {
        String at = RowJson.utcDateTime(processedTsMs);
        Columns columns =
                new Columns(
                        eventId,
                        eventType,
                        eventTsMs,
                        gateway,
                        source,
                        errorType.code(),
                        errorMessage == null ? "" : errorMessage,
                        rawJson,
                        kafkaTopic,
                        kafkaPartition,
                        kafkaOffset,
                        processedTsMs,
                        at,
                        at.substring(0, 10));
        try {
            return new SinkRow(
                    ProcessorTables.DEAD_LETTERS,
                    WRITER.writeValueAsString(columns),
                    kafkaTopic,
                    kafkaPartition,
                    kafkaOffset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a dead-letter row", e);
        }
    }
}
