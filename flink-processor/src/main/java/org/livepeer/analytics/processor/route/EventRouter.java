package org.livepeer.analytics.processor.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.envelope.EnvelopeCheck;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.parse.EventParser;
import org.livepeer.analytics.event.parse.EventParsers;
import org.livepeer.analytics.event.parse.ParseOutcome;
import org.livepeer.analytics.event.parse.PayloadException;
import org.livepeer.analytics.event.rows.EventMeta;
import org.livepeer.analytics.event.rows.RowLines;
import org.livepeer.analytics.event.rows.TypedRow;
import org.livepeer.analytics.processor.row.DeadLetterCode;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * Turns each Kafka record into its raw-archive row plus either typed rows or one dead-letter row:
 * nothing is dropped without a trace. Stateless and free of Flink types, so tests call it directly;
 * {@link RouteAndDeduplicate} runs it inside the job.
 */
public final class EventRouter implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Routes one record; {@code processedTsMs} stamps the raw and dead-letter rows. */
    public Routed route(KafkaEvent event, long processedTsMs) {
        RecordContext rec = RecordContext.of(event, processedTsMs);
        JsonNode node;
        try {
            node = StrictJson.parse(event.value);
        } catch (InvalidJsonException e) {
            DeadLetterCode code =
                    e.encodingError()
                            ? DeadLetterCode.INVALID_ENCODING
                            : DeadLetterCode.INVALID_JSON;
            return rejected(rec, ArchiveRows.Identity.UNKNOWN, code, e.getMessage(), null);
        }
        EnvelopeCheck check = EnvelopeValidator.validate(node);
        if (check instanceof EnvelopeCheck.Invalid invalid) {
            return rejected(
                    rec,
                    partialIdentity(node),
                    DeadLetterCode.fromEnvelope(invalid.error().code()),
                    invalid.error().message(),
                    null);
        }
        Envelope envelope = ((EnvelopeCheck.Valid) check).envelope();
        ArchiveRows.Identity id =
                new ArchiveRows.Identity(
                        envelope.id(), envelope.type(), envelope.timestampMs(), envelope.gateway());
        return routeTyped(envelope, rec, id);
    }

    private static Routed routeTyped(
            Envelope envelope, RecordContext rec, ArchiveRows.Identity id) {
        Optional<EventParser> parser = EventParsers.forType(envelope.type());
        if (parser.isEmpty()) {
            return rejected(
                    rec,
                    id,
                    DeadLetterCode.UNKNOWN_EVENT_TYPE,
                    "no parser for event type '" + envelope.type() + "'",
                    envelope);
        }
        ParseOutcome outcome = parse(parser.get(), envelope);
        if (outcome instanceof ParseOutcome.Rejected rejected) {
            return rejected(
                    rec,
                    id,
                    DeadLetterCode.fromParser(rejected.errorType()),
                    rejected.message(),
                    envelope);
        }
        List<TypedRow> rows = ((ParseOutcome.Parsed) outcome).rows();
        if (rows.isEmpty()) {
            return rejected(
                    rec, id, DeadLetterCode.INVALID_PAYLOAD, "the event yields no rows", envelope);
        }
        EventMeta meta =
                new EventMeta(
                        envelope.id(),
                        envelope.type(),
                        envelope.timestampMs(),
                        envelope.gateway(),
                        rec.source());
        RowLines lines = RowLines.of(meta);
        List<SinkRow> typed = new ArrayList<>(rows.size());
        for (TypedRow row : rows) {
            typed.add(
                    new SinkRow(
                            row.table(),
                            lines.line(row),
                            rec.topic(),
                            rec.partition(),
                            rec.offset()));
        }
        return new Routed(ArchiveRows.raw(rec, id), typed, null, null, envelope, rows.get(0));
    }

    /** A parser bug must not stop the pipeline: the event is dead-lettered with the cause. */
    private static ParseOutcome parse(EventParser parser, Envelope envelope) {
        try {
            return parser.parse(envelope);
        } catch (RuntimeException e) {
            return new ParseOutcome.Rejected(
                    PayloadException.INVALID_PAYLOAD, "", "parser failed: " + e);
        }
    }

    /** A dead letter; {@code envelope} is the valid envelope, or null when it was not one. */
    private static Routed rejected(
            RecordContext rec,
            ArchiveRows.Identity id,
            DeadLetterCode errorType,
            String message,
            Envelope envelope) {
        return new Routed(
                ArchiveRows.raw(rec, id),
                List.of(),
                ArchiveRows.deadLetter(rec, id, errorType, message),
                errorType,
                envelope,
                null);
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
}
