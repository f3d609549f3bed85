package org.livepeer.analytics.event.rows;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * One {@code stream_ingest_metrics} event. A stream has at most one video and one audio track, so
 * they are columns ({@code video_*}, {@code audio_*}) rather than rows.
 */
public record StreamIngestMetricsRow(
        String streamId,
        String requestId,
        String pipelineId,
        Long dataTsMs,
        String connQuality,
        String peerConnId,
        Long bytesReceived,
        Long bytesSent,
        @JsonUnwrapped(prefix = "video_") TrackStats video,
        @JsonUnwrapped(prefix = "audio_") TrackStats audio)
        implements TypedRow {

    public static final String TABLE = "stream_ingest_metrics";

    public StreamIngestMetricsRow {
        Objects.requireNonNull(video, "video (use TrackStats.ABSENT)");
        Objects.requireNonNull(audio, "audio (use TrackStats.ABSENT)");
    }

    @Override
    public String table() {
        return TABLE;
    }
}
