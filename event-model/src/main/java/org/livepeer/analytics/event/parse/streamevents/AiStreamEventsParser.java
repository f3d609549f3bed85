package org.livepeer.analytics.event.parse.streamevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.livepeer.analytics.event.parse.JsonFields;
import org.livepeer.analytics.event.parse.OrchestratorInfo;
import org.livepeer.analytics.event.parse.PayloadParser;
import org.livepeer.analytics.event.rows.AiStreamEventRow;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * {@code ai_stream_events} (docs/events.md §6) to one {@link AiStreamEventRow}. {@code pipeline} is
 * optional because runner-forwarded events do not carry it (docs/events.md §11.5). Members without
 * a column of their own go to {@code extra_json}, so runner-defined events keep their content.
 */
public final class AiStreamEventsParser extends PayloadParser {

    private static final long serialVersionUID = 1L;

    private static final Set<String> MAPPED =
            Set.of(
                    "stream_id",
                    "request_id",
                    "pipeline_id",
                    "type",
                    "pipeline",
                    "capability",
                    "message",
                    "params",
                    "orchestrator_info",
                    "timestamp");

    @Override
    protected List<TypedRow> rows(JsonNode payload) {
        JsonFields data = JsonFields.rootObject(payload);
        OrchestratorInfo orchestrator = OrchestratorInfo.optionalIn(data);
        return List.of(
                new AiStreamEventRow(
                        data.text("stream_id"),
                        data.text("request_id"),
                        data.optionalText("pipeline_id"),
                        data.text("type"),
                        data.optionalText("pipeline"),
                        data.optionalText("capability"),
                        data.optionalText("message"),
                        data.optionalJson("params"),
                        orchestrator.address(),
                        orchestrator.url(),
                        data.optionalTimeMs("timestamp"),
                        extraJson(data)));
    }

    private static String extraJson(JsonFields data) {
        ObjectNode extra = null;
        for (String name : data.names()) {
            if (!MAPPED.contains(name)) {
                if (extra == null) {
                    extra = JsonNodeFactory.instance.objectNode();
                }
                extra.set(name, data.node().get(name));
            }
        }
        return extra == null ? null : extra.toString();
    }
}
