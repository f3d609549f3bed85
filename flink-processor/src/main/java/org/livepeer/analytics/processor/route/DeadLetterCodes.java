package org.livepeer.analytics.processor.route;

import org.livepeer.analytics.event.envelope.EnvelopeError;

/**
 * The processor's error types (docs/processor.md, "Topology"; docs/events.md §1.2, §2.2) and how
 * envelope errors map onto them.
 */
final class DeadLetterCodes {

    static final String INVALID_JSON = "invalid_json";
    static final String INVALID_ENCODING = "invalid_encoding";
    static final String INVALID_PAYLOAD = "invalid_payload";
    static final String UNKNOWN_EVENT_TYPE = "unknown_event_type";
    static final String INVALID_VALUE_PREFIX = "invalid_value:";

    private DeadLetterCodes() {}

    /**
     * Envelope errors in the processor's vocabulary: a wrong type or a bad timestamp is an invalid
     * value, a non-object is an invalid payload, a missing field stays a missing field.
     */
    static String fromEnvelope(EnvelopeError error) {
        String code = error.code();
        if (code.startsWith(EnvelopeError.WRONG_TYPE_PREFIX)) {
            return INVALID_VALUE_PREFIX + code.substring(EnvelopeError.WRONG_TYPE_PREFIX.length());
        }
        if (code.equals(EnvelopeError.INVALID_TIMESTAMP)) {
            return INVALID_VALUE_PREFIX + "timestamp";
        }
        if (code.equals(EnvelopeError.NOT_AN_OBJECT)) {
            return INVALID_PAYLOAD;
        }
        return code;
    }
}
