package org.livepeer.analytics.processor.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.envelope.EnvelopeCheck;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.parse.EventParser;
import org.livepeer.analytics.event.parse.EventParsers;
import org.livepeer.analytics.event.parse.ParseOutcome;
import org.livepeer.analytics.event.rows.EventMeta;
import org.livepeer.analytics.event.rows.RowJson;
import org.livepeer.analytics.event.rows.TypedRow;
import org.livepeer.analytics.processor.sink.clickhouse.SinkRow;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * Turns each Kafka record into its raw-archive row plus either typed rows (main output) or one
 * dead-letter row (side output {@link #DEAD_LETTERS}). Every record produces exactly one raw row
 * and at least one other row: nothing is dropped without a trace.
 */
public final class EventRouter extends ProcessFunction<KafkaEvent, SinkRow> {

    private static final long serialVersionUID = 1L;

    /** Rows for `streaming_events_dlq`. */
    public static final OutputTag<SinkRow> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    @Override
    public void processElement(KafkaEvent event, Context ctx, Collector<SinkRow> out) {
        RecordContext rec = RecordContext.of(event, System.currentTimeMillis());
        JsonNode node;
        try {
            node = StrictJson.parse(event.value);
        } catch (InvalidJsonException e) {
            out.collect(ArchiveRows.raw(rec, ArchiveRows.Identity.UNKNOWN));
            String code =
                    e.encodingError()
                            ? DeadLetterCodes.INVALID_ENCODING
                            : DeadLetterCodes.INVALID_JSON;
            deadLetter(ctx, rec, ArchiveRows.Identity.UNKNOWN, code, e.getMessage());
            return;
        }
        EnvelopeCheck check = EnvelopeValidator.validate(node);
        if (check instanceof EnvelopeCheck.Invalid invalid) {
            ArchiveRows.Identity id = partialIdentity(node);
            out.collect(ArchiveRows.raw(rec, id));
            deadLetter(
                    ctx,
                    rec,
                    id,
                    DeadLetterCodes.fromEnvelope(invalid.error()),
                    invalid.error().message());
            return;
        }
        Envelope envelope = ((EnvelopeCheck.Valid) check).envelope();
        ArchiveRows.Identity id =
                new ArchiveRows.Identity(
                        envelope.id(), envelope.type(), envelope.timestampMs(), envelope.gateway());
        out.collect(ArchiveRows.raw(rec, id));
        routeTyped(envelope, rec, id, ctx, out);
    }

    private static void routeTyped(
            Envelope envelope,
            RecordContext rec,
            ArchiveRows.Identity id,
            Context ctx,
            Collector<SinkRow> out) {
        Optional<EventParser> parser = EventParsers.forType(envelope.type());
        if (parser.isEmpty()) {
            deadLetter(
                    ctx,
                    rec,
                    id,
                    DeadLetterCodes.UNKNOWN_EVENT_TYPE,
                    "no parser for event type '" + envelope.type() + "'");
            return;
        }
        ParseOutcome outcome = parse(parser.get(), envelope);
        if (outcome instanceof ParseOutcome.Rejected rejected) {
            deadLetter(ctx, rec, id, rejected.errorType(), rejected.message());
            return;
        }
        List<TypedRow> rows = ((ParseOutcome.Parsed) outcome).rows();
        if (rows.isEmpty()) {
            deadLetter(ctx, rec, id, DeadLetterCodes.INVALID_PAYLOAD, "the event yields no rows");
            return;
        }
        EventMeta meta =
                new EventMeta(
                        envelope.id(),
                        envelope.type(),
                        envelope.timestampMs(),
                        envelope.gateway(),
                        rec.source());
        for (TypedRow row : rows) {
            out.collect(new SinkRow(row.table(), RowJson.line(meta, row)));
        }
    }

    /** A parser bug must not stop the pipeline: the event is dead-lettered with the cause. */
    private static ParseOutcome parse(EventParser parser, Envelope envelope) {
        try {
            return parser.parse(envelope);
        } catch (RuntimeException e) {
            return new ParseOutcome.Rejected(
                    DeadLetterCodes.INVALID_PAYLOAD, "parser failed: " + e);
        }
    }

    /** Whatever id, type and gateway an invalid envelope has; its timestamp is not trusted. */
    private static ArchiveRows.Identity partialIdentity(JsonNode node) {
        if (!node.isObject()) {
            return ArchiveRows.Identity.UNKNOWN;
        }
        return new ArchiveRows.Identity(
                textOrEmpty(node.path("id")),
                textOrEmpty(node.path("type")),
                0L,
                textOrEmpty(node.path("gateway")));
    }

    private static String textOrEmpty(JsonNode node) {
        return node.isTextual() ? node.textValue() : "";
    }

    private static void deadLetter(
            Context ctx,
            RecordContext rec,
            ArchiveRows.Identity id,
            String errorType,
            String message) {
        ctx.output(DEAD_LETTERS, ArchiveRows.deadLetter(rec, id, errorType, message));
    }
}
