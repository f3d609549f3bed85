package org.livepeer.analytics.event.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.Locale;

/**
 * The envelope rules of docs/events.md §1.2, shared by the gateway (which answers 4xx) and the
 * processor (which dead-letters events that were produced straight to Kafka). Stateless and
 * thread-safe.
 */
public final class EnvelopeValidator {

    /** 2020-01-01T00:00:00Z, inclusive. */
    public static final long MIN_TIMESTAMP_MS =
            Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();

    /** 2100-01-01T00:00:00Z, exclusive. */
    public static final long MAX_TIMESTAMP_MS =
            Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

    private EnvelopeValidator() {}

    /** Checks one parsed JSON value against the envelope rules. */
    public static EnvelopeCheck validate(JsonNode node) {
        if (node == null || !node.isObject()) {
            return invalid(
                    new EnvelopeError(
                            EnvelopeError.NOT_AN_OBJECT,
                            "an event must be a JSON object, got " + kind(node)));
        }
        EnvelopeError error = firstFieldError(node);
        if (error != null) {
            return invalid(error);
        }
        JsonNode ts = node.get("timestamp");
        if (isAbsent(ts)) {
            return invalid(
                    EnvelopeError.missingField(
                            "timestamp", "timestamp is required (milliseconds since the epoch)"));
        }
        long ms = timestampMs(ts);
        if (ms < MIN_TIMESTAMP_MS || ms >= MAX_TIMESTAMP_MS) {
            return invalid(
                    new EnvelopeError(
                            EnvelopeError.INVALID_TIMESTAMP,
                            "timestamp must be integer milliseconds (number or digit string)"
                                    + " from 2020-01-01 to before 2100-01-01, got "
                                    + abbreviate(ts.toString())));
        }
        return new EnvelopeCheck.Valid(
                new Envelope(
                        node.get("id").textValue(),
                        node.get("type").textValue(),
                        ms,
                        node.path("gateway").asText(""),
                        node.get("data")));
    }

    private static EnvelopeError firstFieldError(JsonNode node) {
        EnvelopeError error = checkRequiredString(node, "id");
        if (error == null) {
            error = checkRequiredString(node, "type");
        }
        if (error == null) {
            error = checkGateway(node.get("gateway"));
        }
        if (error == null) {
            error = checkData(node.get("data"));
        }
        return error;
    }

    /** The timestamp in ms, or -1 when it is not an integer in number or digit-string form. */
    private static long timestampMs(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : -1;
        }
        return node.isTextual() ? digitsValue(node.textValue()) : -1;
    }

    /**
     * The value of 1 to 19 ASCII digits ({@code [0-9]{1,19}}), or -1 for anything else or a value
     * beyond {@code Long.MAX_VALUE}. Hand-rolled because it runs for every event: no regex matcher,
     * no {@code Long.parseLong} (which also accepts non-ASCII digits, hence the explicit check).
     */
    private static long digitsValue(String s) {
        int n = s.length();
        if (n == 0 || n > 19) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isAbsent(JsonNode v) {
        return v == null || v instanceof NullNode;
    }

    private static EnvelopeError checkRequiredString(JsonNode envelope, String field) {
        JsonNode value = envelope.get(field);
        if (isAbsent(value)) {
            return EnvelopeError.missingField(field, field + " is required");
        }
        if (!value.isTextual()) {
            return EnvelopeError.wrongType(field, field + " must be a string, got " + kind(value));
        }
        if (value.textValue().isEmpty()) {
            return EnvelopeError.missingField(field, field + " must not be empty");
        }
        return null;
    }

    private static EnvelopeError checkGateway(JsonNode value) {
        if (!isAbsent(value) && !value.isTextual()) {
            return EnvelopeError.wrongType(
                    "gateway", "gateway must be a string when present, got " + kind(value));
        }
        return null;
    }

    private static EnvelopeError checkData(JsonNode value) {
        if (isAbsent(value)) {
            return EnvelopeError.missingField("data", "data is required and must not be null");
        }
        return null;
    }

    private static EnvelopeCheck invalid(EnvelopeError error) {
        return new EnvelopeCheck.Invalid(error);
    }

    static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
