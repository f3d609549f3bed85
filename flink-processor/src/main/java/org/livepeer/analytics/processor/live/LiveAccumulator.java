package org.livepeer.analytics.processor.live;

import java.util.ArrayList;
import java.util.HashMap;

/**
 * Everything one window of one scope has seen. Samples are kept (not sketched) for exact
 * percentiles: a 5 s window holds at most one status per stream (runners report every 10 s) and one
 * ingest sample per WebRTC stream, so the lists stay small.
 */
public final class LiveAccumulator {

    public HashMap<String, Long> eventsByType = new HashMap<>();

    /** Latest state per stream, and the data timestamp it was reported at. */
    public HashMap<String, String> stateByStream = new HashMap<>();

    public HashMap<String, Long> stateTsByStream = new HashMap<>();

    public ArrayList<Double> outputFps = new ArrayList<>();
    public ArrayList<Long> startupLatencyMs = new ArrayList<>();
    public ArrayList<Double> packetLossPct = new ArrayList<>();
    public ArrayList<Double> jitterMs = new ArrayList<>();
    public long restarts;
    public long errors;

    public LiveAccumulator() {}

    void add(LiveSignal s) {
        eventsByType.merge(s.eventType, 1L, Long::sum);
        if (s.state != null && !s.streamId.isEmpty()) {
            Long seen = stateTsByStream.get(s.streamId);
            long ts = s.sampleTsMs == null ? s.eventTsMs : s.sampleTsMs;
            if (seen == null || ts >= seen) {
                stateByStream.put(s.streamId, s.state);
                stateTsByStream.put(s.streamId, ts);
            }
        }
        addIfPresent(outputFps, s.outputFps);
        addIfPresent(packetLossPct, s.packetLossPct);
        addIfPresent(jitterMs, s.jitterMs);
        if (s.startupLatencyMs != null) {
            startupLatencyMs.add(s.startupLatencyMs);
        }
        restarts += s.restarts;
        if (s.error) {
            errors++;
        }
    }

    void merge(LiveAccumulator other) {
        other.eventsByType.forEach((k, v) -> eventsByType.merge(k, v, Long::sum));
        other.stateByStream.forEach(
                (stream, state) -> {
                    long ts = other.stateTsByStream.get(stream);
                    Long seen = stateTsByStream.get(stream);
                    if (seen == null || ts >= seen) {
                        stateByStream.put(stream, state);
                        stateTsByStream.put(stream, ts);
                    }
                });
        outputFps.addAll(other.outputFps);
        startupLatencyMs.addAll(other.startupLatencyMs);
        packetLossPct.addAll(other.packetLossPct);
        jitterMs.addAll(other.jitterMs);
        restarts += other.restarts;
        errors += other.errors;
    }

    private static void addIfPresent(ArrayList<Double> list, Double v) {
        if (v != null && Double.isFinite(v)) {
            list.add(v);
        }
    }
}
