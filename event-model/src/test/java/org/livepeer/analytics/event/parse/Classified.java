package org.livepeer.analytics.event.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.envelope.EnvelopeCheck;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.rows.EventMeta;
import org.livepeer.analytics.event.rows.RowLines;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * What the processor makes of one Kafka record value, by the steps of flink-processor's {@code
 * EventRouter} without its Kafka and sink types: strict JSON, envelope rules, the type's parser and
 * the rows' JSONEachRow lines. The router catches a parser's runtime exception as a last resort;
 * this does not, so a parser that throws is a finding here. Exactly one of {@code rowLines} (non
 * empty) and {@code errorType} is set.
 */
record Classified(List<String> rowLines, String errorType, String message) {

    /**
     * The error types a dead letter may carry before the processor names them in its vocabulary
     * (docs/processor.md, "Dead letters"): the envelope's codes, whose field names are fixed, and
     * the parsers' three codes, which never hold a path or a key from the event.
     */
    private static final Pattern ERROR_TYPE =
            Pattern.compile(
                    "invalid_json|invalid_encoding|not_an_object|invalid_timestamp"
                            + "|unknown_event_type|invalid_payload|missing_field|invalid_value"
                            + "|missing_field:(id|type|timestamp|data)|wrong_type:(id|type|gateway)");

    static Classified of(byte[] value) {
        JsonNode node;
        try {
            node = StrictJson.parse(value);
        } catch (InvalidJsonException e) {
            return error(e.encodingError() ? "invalid_encoding" : "invalid_json", e.getMessage());
        }
        EnvelopeCheck check = EnvelopeValidator.validate(node);
        if (check instanceof EnvelopeCheck.Invalid invalid) {
            return error(invalid.error().code(), invalid.error().message());
        }
        return ofEnvelope(((EnvelopeCheck.Valid) check).envelope());
    }

    private static Classified ofEnvelope(Envelope envelope) {
        Optional<EventParser> parser = EventParsers.forType(envelope.type());
        if (parser.isEmpty()) {
            return error("unknown_event_type", "no parser for " + envelope.type());
        }
        ParseOutcome outcome = parser.get().parse(envelope);
        if (outcome instanceof ParseOutcome.Rejected rejected) {
            return error(rejected.errorType(), rejected.message());
        }
        RowLines lines =
                RowLines.of(
                        new EventMeta(
                                envelope.id(),
                                envelope.type(),
                                envelope.timestampMs(),
                                envelope.gateway(),
                                "kafka"));
        List<String> out = new ArrayList<>();
        for (TypedRow row : ((ParseOutcome.Parsed) outcome).rows()) {
            out.add(lines.line(row));
        }
        return new Classified(out, null, null);
    }

    private static Classified error(String errorType, String message) {
        return new Classified(List.of(), errorType, message);
    }

    /**
     * Fails unless this is a known error type with a message, or rows whose lines are each one
     * strict JSON object (what ClickHouse's JSONEachRow reads).
     */
    void assertWellFormed() {
        if (errorType != null) {
            assertTrue(ERROR_TYPE.matcher(errorType).matches(), "error type " + errorType);
            assertFalse(message == null || message.isBlank(), "a message for " + errorType);
            return;
        }
        assertFalse(rowLines.isEmpty(), "an accepted event has rows");
        for (String line : rowLines) {
            try {
                assertTrue(StrictJson.parse(line.getBytes(StandardCharsets.UTF_8)).isObject());
            } catch (InvalidJsonException e) {
                fail("row line is not one JSON object (" + e.getMessage() + "): " + line);
            }
        }
    }
}
