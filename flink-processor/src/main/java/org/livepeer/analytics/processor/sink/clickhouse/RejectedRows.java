package org.livepeer.analytics.processor.sink.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.livepeer.analytics.event.rows.RowJson;

final class RejectedRows {

    static final String ERROR_TYPE = "sink_rejected";

    private static final JsonMapper JSON = new JsonMapper();

    private RejectedRows() {}

    static SinkRow deadLetter(String table, SinkRow rejected, String error, long processedTsMs) {
        JsonNode row = readOrEmpty(rejected.json);
        String processedTime = RowJson.utcDateTime(processedTsMs);
        ObjectNode dlq = JSON.createObjectNode();
        dlq.put("event_id", row.path("event_id").asText(""));
        dlq.put("event_type", row.path("event_type").asText(""));
        dlq.put("event_ts_ms", Math.max(0L, row.path("event_ts_ms").asLong(0L)));
        dlq.put("gateway", row.path("gateway").asText(""));
        dlq.put("source", row.path("source").asText(""));
        dlq.put("error_type", ERROR_TYPE);
        dlq.put("error_message", "ClickHouse rejected a row of " + table + ": " + error);
        dlq.put("raw_json", rejected.json);
        dlq.put("kafka_topic", rejected.kafkaTopic);
        dlq.put("kafka_partition", rejected.kafkaPartition);
        dlq.put("kafka_offset", rejected.kafkaOffset);
        dlq.put("processed_ts_ms", processedTsMs);
        dlq.put("processed_time", processedTime);
        dlq.put("processed_date", processedTime.substring(0, 10));
        try {
            return new SinkRow(
                    ClickHouseSink.DEAD_LETTER_TABLE,
                    JSON.writeValueAsString(dlq),
                    rejected.kafkaTopic,
                    rejected.kafkaPartition,
                    rejected.kafkaOffset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row as an object, or an empty one when it is not even JSON (that may be why). */
    private static JsonNode readOrEmpty(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
