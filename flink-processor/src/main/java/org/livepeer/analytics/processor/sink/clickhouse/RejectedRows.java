package org.livepeer.analytics.processor.sink.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.livepeer.analytics.processor.row.DeadLetterCode;
import org.livepeer.analytics.processor.row.DeadLetterRow;
import org.livepeer.analytics.processor.row.SinkRow;

/** The dead letter of a row ClickHouse refused as bad data ({@code sink_rejected}). */
final class RejectedRows {

    private static final JsonMapper JSON = new JsonMapper();

    private RejectedRows() {}

    /**
     * The envelope columns are read back from the rejected row where it has them (every typed and
     * raw row does); the row itself goes into {@code raw_json}.
     */
    static SinkRow deadLetter(String table, SinkRow rejected, String error, long processedTsMs) {
        JsonNode row = readOrEmpty(rejected.json);
        return new DeadLetterRow(
                        row.path("event_id").asText(""),
                        row.path("event_type").asText(""),
                        Math.max(0L, row.path("event_ts_ms").asLong(0L)),
                        row.path("gateway").asText(""),
                        row.path("source").asText(""),
                        DeadLetterCode.SINK_REJECTED,
                        "ClickHouse rejected a row of " + table + ": " + error,
                        rejected.json,
                        rejected.kafkaTopic,
                        rejected.kafkaPartition,
                        rejected.kafkaOffset,
                        processedTsMs)
                .toSinkRow();
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
