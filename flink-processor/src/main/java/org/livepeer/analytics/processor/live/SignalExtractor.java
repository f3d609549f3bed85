package org.livepeer.analytics.processor.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.envelope.EnvelopeCheck;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.parse.EventParser;
import org.livepeer.analytics.event.parse.EventParsers;
import org.livepeer.analytics.event.parse.ParseOutcome;
import org.livepeer.analytics.event.rows.AiStreamEventRow;
import org.livepeer.analytics.event.rows.AiStreamStatusRow;
import org.livepeer.analytics.event.rows.StreamIngestMetricsRow;
import org.livepeer.analytics.event.rows.StreamTraceEventRow;
import org.livepeer.analytics.event.rows.TrackStats;
import org.livepeer.analytics.event.rows.TypedRow;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * Reads each record with the same strict parsers as the ClickHouse path, so the live numbers and
 * the tables agree on what a valid event is. A record the parsers reject still counts, as {@link
 * LiveSignal#INVALID} at the wall-clock time (its own timestamp is not trusted); its dead letter is
 * written by the main path.
 */
public final class SignalExtractor implements FlatMapFunction<KafkaEvent, LiveSignal> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(KafkaEvent event, Collector<LiveSignal> out) {
        Envelope envelope = envelope(event.value);
        if (envelope == null) {
            out.collect(invalid());
            return;
        }
        Optional<EventParser> parser = EventParsers.forType(envelope.type());
        LiveSignal signal = new LiveSignal();
        signal.eventTsMs = envelope.timestampMs();
        signal.eventType = envelope.type();
        if (parser.isEmpty()) {
            // Unmodelled types still count as traffic of their type.
            out.collect(signal);
            return;
        }
        List<TypedRow> rows = rows(parser.get(), envelope);
        if (rows.isEmpty()) {
            out.collect(invalid());
            return;
        }
        describe(signal, rows.get(0));
        out.collect(signal);
    }

    private static Envelope envelope(byte[] value) {
        try {
            JsonNode node = StrictJson.parse(value);
            return EnvelopeValidator.validate(node) instanceof EnvelopeCheck.Valid valid
                    ? valid.envelope()
                    : null;
        } catch (InvalidJsonException e) {
            return null;
        }
    }

    private static List<TypedRow> rows(EventParser parser, Envelope envelope) {
        try {
            return parser.parse(envelope) instanceof ParseOutcome.Parsed parsed
                    ? parsed.rows()
                    : List.of();
        } catch (RuntimeException e) {
            // A parser bug is dead-lettered by the main path; here it is an invalid event.
            return List.of();
        }
    }

    private static LiveSignal invalid() {
        LiveSignal s = new LiveSignal();
        s.eventTsMs = System.currentTimeMillis();
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
