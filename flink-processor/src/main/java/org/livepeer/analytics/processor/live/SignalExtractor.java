package org.livepeer.analytics.processor.live;

import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.parse.EventParsers;
import org.livepeer.analytics.event.rows.AiStreamEventRow;
import org.livepeer.analytics.event.rows.AiStreamStatusRow;
import org.livepeer.analytics.event.rows.StreamIngestMetricsRow;
import org.livepeer.analytics.event.rows.StreamTraceEventRow;
import org.livepeer.analytics.event.rows.TrackStats;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * Reduces an event, as the router already parsed it, to what the live windows need: the live
 * numbers and the tables agree on what a valid event is, and no event is parsed twice. A record the
 * parsers rejected still counts, as {@link LiveSignal#INVALID} at the wall-clock time (its own
 * timestamp is not trusted).
 */
public final class SignalExtractor {

    private SignalExtractor() {}

    /**
     * The signal of one routed record.
     *
     * @param envelope the valid envelope, or null when the record is not one
     * @param firstRow the event's first typed row, or null when it yielded none
     * @param nowMs the wall-clock time, the event time of invalid records
     */
    public static LiveSignal signal(Envelope envelope, TypedRow firstRow, long nowMs) {
        if (envelope == null) {
            return invalid(nowMs);
        }
        LiveSignal signal = new LiveSignal();
        signal.eventTsMs = envelope.timestampMs();
        signal.eventType = envelope.type();
        if (firstRow != null) {
            describe(signal, firstRow);
            return signal;
        }
        // Unmodelled types still count as traffic of their type; a modelled event that yielded
        // no rows is invalid.
        return EventParsers.forType(envelope.type()).isEmpty() ? signal : invalid(nowMs);
    }

    private static LiveSignal invalid(long nowMs) {
        LiveSignal s = new LiveSignal();
        s.eventTsMs = nowMs;
        s.eventType = LiveSignal.INVALID;
        return s;
    }

    private static void describe(LiveSignal s, TypedRow row) {
        if (row instanceof AiStreamStatusRow status) {
            s.streamId = text(status.streamId());
            s.orchestrator = text(status.orchestratorAddress());
            s.pipeline = text(status.pipeline());
            s.state = text(status.state());
            s.outputFps = status.outputFps();
            s.sampleTsMs = status.dataTsMs() == null ? s.eventTsMs : status.dataTsMs();
            s.restartCount = status.restartCount();
        } else if (row instanceof AiStreamEventRow ev) {
            s.streamId = text(ev.streamId());
            s.orchestrator = text(ev.orchestratorAddress());
            s.pipeline = text(ev.pipeline());
            s.error = "error".equals(ev.streamEventType());
        } else if (row instanceof StreamTraceEventRow trace) {
            s.streamId = text(trace.streamId());
            s.orchestrator = text(trace.orchestratorAddress());
            s.traceType = trace.traceType();
            s.traceTsMs = trace.dataTsMs() == null ? s.eventTsMs : trace.dataTsMs();
        } else if (row instanceof StreamIngestMetricsRow ingest) {
            s.streamId = text(ingest.streamId());
            TrackStats track =
                    ingest.video() == TrackStats.ABSENT ? ingest.audio() : ingest.video();
            s.packetLossPct = track.packetLossPct();
            s.jitterMs = track.jitterMs();
        }
    }

    private static String text(String v) {
        return v == null ? "" : v;
    }
}
