package org.livepeer.analytics.event.parse.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.livepeer.analytics.event.parse.JsonFields;
import org.livepeer.analytics.event.parse.OrchestratorInfo;
import org.livepeer.analytics.event.parse.PayloadParser;
import org.livepeer.analytics.event.rows.StreamTraceEventRow;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * {@code stream_trace} (docs/events.md §3) to one {@link StreamTraceEventRow}. Every subtype is
 * kept, including those outside the core ten; {@code orchestrator_swap} has no {@code
 * data.timestamp} and carries {@code pipeline} and {@code message}, which get their own columns.
 */
public final class StreamTraceParser extends PayloadParser {

    private static final long serialVersionUID = 1L;

    @Override
    protected List<TypedRow> rows(JsonNode payload) {
        JsonFields data = JsonFields.rootObject(payload);
        OrchestratorInfo orchestrator = OrchestratorInfo.optionalIn(data);
        return List.of(
                new StreamTraceEventRow(
                        data.text("stream_id"),
                        data.text("request_id"),
                        data.optionalText("pipeline_id"),
                        data.text("type"),
                        data.optionalTimeMs("timestamp"),
                        orchestrator.address(),
                        orchestrator.url(),
                        data.optionalText("pipeline"),
                        data.optionalText("message")));
    }
}
