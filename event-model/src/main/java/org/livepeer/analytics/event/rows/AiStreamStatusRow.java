package org.livepeer.analytics.event.rows;

import java.util.List;

/** One {@code ai_stream_status} event: a runner's periodic health report for a stream. */
public record AiStreamStatusRow(
        String streamId,
        String requestId,
        String pipelineId,
        String pipeline,
        String orchestratorAddress,
        String orchestratorUrl,
        String state,
        Long dataTsMs,
        Long startTimeMs,
        Long lastStateUpdateTimeMs,
        Long lastStatusTsMs,
        double inputFps,
        Long lastInputTimeMs,
        double outputFps,
        Long lastOutputTimeMs,
        String lastParamsJson,
        String lastParamsHash,
        Long lastParamsUpdateTimeMs,
        String lastError,
        Long lastErrorTimeMs,
        List<String> lastRestartLogs,
        Long lastRestartTimeMs,
        Long restartCount)
        implements TypedRow {

    public static final String TABLE = "ai_stream_status";

    public AiStreamStatusRow {
        lastRestartLogs = List.copyOf(lastRestartLogs);
    }

    @Override
    public String table() {
        return TABLE;
    }
}
