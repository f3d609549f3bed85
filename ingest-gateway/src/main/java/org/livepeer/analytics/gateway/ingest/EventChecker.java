package org.livepeer.analytics.gateway.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.envelope.EnvelopeCheck;
import org.livepeer.analytics.event.envelope.EnvelopeError;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.gateway.publish.DeadLetter;
import org.livepeer.analytics.gateway.publish.OutgoingEvent;
import org.livepeer.analytics.wire.RecordKeys;

/**
 * Applies the strict JSON and envelope rules (docs/events.md §1.2) to every event of a request and
 * picks each accepted event's Kafka key.
 */
public final class EventChecker {

    private EventChecker() {}

    /** Checks each of {@code events}, slices of {@code body}. */
    public static CheckedBatch check(byte[] body, List<RawEvent> events) {
        List<OutgoingEvent> accepted = new ArrayList<>(events.size());
        List<Rejection> rejected = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        for (RawEvent event : events) {
            JsonNode node;
            try {
                node = StrictJson.parse(body, event.offset(), event.length());
            } catch (InvalidJsonException e) {
                rejected.add(
                        new Rejection(
                                event.index(), null, EnvelopeError.INVALID_JSON, e.getMessage()));
                letters.add(letter(body, event, null, EnvelopeError.INVALID_JSON, e.getMessage()));
                continue;
            }
            EnvelopeCheck check = EnvelopeValidator.validate(node);
            if (check instanceof EnvelopeCheck.Valid valid) {
                byte[] value =
                        Arrays.copyOfRange(body, event.offset(), event.offset() + event.length());
                accepted.add(new OutgoingEvent(key(valid.envelope()), value));
            } else if (check instanceof EnvelopeCheck.Invalid invalid) {
                String code = invalid.error().code();
                String message = invalid.error().message();
                rejected.add(new Rejection(event.index(), idOf(node), code, message));
                letters.add(letter(body, event, node, code, message));
            }
        }
        return new CheckedBatch(accepted, rejected, letters);
    }

    private static DeadLetter letter(
            byte[] body, RawEvent event, JsonNode node, String code, String message) {
        return DeadLetter.of(
                body,
                event.offset(),
                event.length(),
                node == null ? null : idOf(node),
                node == null ? null : textField(node, "type"),
                code,
                message);
    }

    /**
     * {@code data.stream_id} keeps one stream's events in one partition, in order; events without a
     * stream spread by their id.
     */
    static String key(Envelope envelope) {
        JsonNode streamId = envelope.data().get("stream_id");
        return RecordKeys.eventKey(
                streamId != null && streamId.isTextual() ? streamId.textValue() : null,
                envelope.id());
    }

    private static String idOf(JsonNode node) {
        return textField(node, "id");
    }

    private static String textField(JsonNode node, String name) {
        JsonNode value = node.isObject() ? node.get(name) : null;
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
