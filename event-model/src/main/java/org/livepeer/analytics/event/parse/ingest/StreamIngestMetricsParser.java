package org.livepeer.analytics.event.parse.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.livepeer.analytics.event.parse.JsonFields;
import org.livepeer.analytics.event.parse.PayloadException;
import org.livepeer.analytics.event.parse.PayloadParser;
import org.livepeer.analytics.event.rows.StreamIngestMetricsRow;
import org.livepeer.analytics.event.rows.TrackStats;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * {@code stream_ingest_metrics} (docs/events.md §5) to one {@link StreamIngestMetricsRow}. {@code
 * track_stats} is absent before tracks exist; each present track must be {@code video} or {@code
 * audio}, at most once each, so that no track is silently dropped or overwritten.
 */
public final class StreamIngestMetricsParser extends PayloadParser {

    private static final long serialVersionUID = 1L;

    private static final double NANOS_PER_MILLI = 1_000_000.0;

    @Override
    protected List<TypedRow> rows(JsonNode payload) {
        JsonFields data = JsonFields.rootObject(payload);
        JsonFields stats = data.object("stats");
        JsonFields peer = stats.optionalObject("peer_conn_stats");
        TrackStats video = TrackStats.ABSENT;
        TrackStats audio = TrackStats.ABSENT;
        for (JsonFields track : stats.objectList("track_stats")) {
            String type = track.text("type");
            boolean isVideo = "video".equals(type);
            if (!isVideo && !"audio".equals(type)) {
                throw PayloadException.invalidValue(
                        track.pathOf("type"), "must be video or audio, got " + type);
            }
            if ((isVideo ? video : audio) != TrackStats.ABSENT) {
                throw PayloadException.invalidValue(
                        track.pathOf("type"), "a second " + type + " track");
            }
            if (isVideo) {
                video = track(track);
            } else {
                audio = track(track);
            }
        }
        return List.of(
                new StreamIngestMetricsRow(
                        data.text("stream_id"),
                        data.text("request_id"),
                        data.optionalText("pipeline_id"),
                        data.optionalTimeMs("timestamp"),
                        stats.text("conn_quality"),
                        peer == null ? null : peer.optionalText("ID"),
                        peer == null ? null : peer.optionalUnsigned("BytesReceived"),
                        peer == null ? null : peer.optionalUnsigned("BytesSent"),
                        video,
                        audio));
    }

    private static TrackStats track(JsonFields track) {
        Long rttNs = track.optionalUnsigned("rtt");
        return new TrackStats(
                track.optionalNumber("jitter"),
                track.integer("packets_received"),
                track.integer("packets_lost"),
                track.optionalNumber("packet_loss_pct"),
                rttNs == null ? null : rttNs / NANOS_PER_MILLI,
                track.optionalNumber("last_input_ts"),
                track.optionalNumber("last_output_ts"),
                track.optionalNumber("latency"),
                track.textList("warnings"));
    }
}
