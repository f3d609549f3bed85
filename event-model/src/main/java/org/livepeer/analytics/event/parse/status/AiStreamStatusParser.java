package org.livepeer.analytics.event.parse.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.livepeer.analytics.event.parse.JsonFields;
import org.livepeer.analytics.event.parse.OrchestratorInfo;
import org.livepeer.analytics.event.parse.PayloadParser;
import org.livepeer.analytics.event.rows.AiStreamStatusRow;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * {@code ai_stream_status} (docs/events.md §4) to one {@link AiStreamStatusRow}. Required: {@code
 * stream_id}, {@code request_id}, {@code state} and both FPS values, the row's reason to exist.
 * {@code last_status_timestamp} is integer ms, or float seconds from one runner version
 * (docs/events.md §4), converted to ms.
 */
public final class AiStreamStatusParser extends PayloadParser {

    private static final long serialVersionUID = 1L;

    @Override
    protected List<TypedRow> rows(JsonNode payload) {
        JsonFields data = JsonFields.rootObject(payload);
        JsonFields input = data.object("input_status");
        JsonFields inference = data.object("inference_status");
        OrchestratorInfo orchestrator = OrchestratorInfo.optionalIn(data);
        return List.of(
                new AiStreamStatusRow(
                        data.text("stream_id"),
                        data.text("request_id"),
                        data.optionalText("pipeline_id"),
                        data.optionalText("pipeline"),
                        orchestrator.address(),
                        orchestrator.url(),
                        data.text("state"),
                        data.optionalTimeMs("timestamp"),
                        data.optionalTimeMs("start_time"),
                        data.optionalTimeMs("last_state_update_time"),
                        data.optionalTimeMsOrSeconds("last_status_timestamp"),
                        input.number("fps"),
                        input.optionalTimeMs("last_input_time"),
                        inference.number("fps"),
                        inference.optionalTimeMs("last_output_time"),
                        inference.optionalJson("last_params"),
                        inference.optionalText("last_params_hash"),
                        inference.optionalTimeMs("last_params_update_time"),
                        inference.optionalText("last_error"),
                        inference.optionalTimeMs("last_error_time"),
                        inference.textList("last_restart_logs"),
                        inference.optionalTimeMs("last_restart_time"),
                        inference.optionalUnsigned("restart_count")));
    }
}
