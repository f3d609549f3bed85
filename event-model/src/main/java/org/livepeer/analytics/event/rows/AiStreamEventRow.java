package org.livepeer.analytics.event.rows;

/**
 * One {@code ai_stream_events} event (errors, parameter updates, runner-forwarded events). {@code
 * extraJson} keeps, as a JSON object, any member of {@code data} that has no column of its own, so
 * runner-defined events lose nothing.
 */
public record AiStreamEventRow(
        String streamId,
        String requestId,
        String pipelineId,
        String streamEventType,
        String pipeline,
        String capability,
        String message,
        String paramsJson,
        String orchestratorAddress,
        String orchestratorUrl,
        Long dataTsMs,
        String extraJson)
        implements TypedRow {

    public static final String TABLE = "ai_stream_events";

    @Override
    public String table() {
        return TABLE;
    }
}
