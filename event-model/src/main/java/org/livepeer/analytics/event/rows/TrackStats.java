package org.livepeer.analytics.event.rows;

import java.util.List;

/**
 * Statistics of one WebRTC track, units normalised: jitter in ms, RTT converted from nanoseconds to
 * ms, media timestamps and latency in seconds. Packet counters are signed because RTCP reports can
 * make {@code packets_lost} negative. {@link #ABSENT} stands for a track the stream does not have
 * (all columns NULL).
 */
public record TrackStats(
        Double jitterMs,
        Long packetsReceived,
        Long packetsLost,
        Double packetLossPct,
        Double rttMs,
        Double lastInputTsS,
        Double lastOutputTsS,
        Double latencyS,
        List<String> warnings) {

    public static final TrackStats ABSENT =
            new TrackStats(null, null, null, null, null, null, null, null, List.of());

    public TrackStats {
        warnings = List.copyOf(warnings);
    }
}
