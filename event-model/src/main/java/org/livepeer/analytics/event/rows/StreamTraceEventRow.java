package org.livepeer.analytics.event.rows;

/** One {@code stream_trace} event: a lifecycle edge of a live stream. */
public record StreamTraceEventRow(
        String streamId,
        String requestId,
        String pipelineId,
        String traceType,
        Long dataTsMs,
        String orchestratorAddress,
        String orchestratorUrl,
        String pipeline,
        String message)
        implements TypedRow {

    public static final String TABLE = "stream_trace_events";

    @Override
    public String table() {
        return TABLE;
    }
}
