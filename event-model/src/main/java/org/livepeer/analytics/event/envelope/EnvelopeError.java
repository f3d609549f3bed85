package org.livepeer.analytics.event.envelope;

/**
 * Why an envelope was refused: a stable machine-readable {@code code} (docs/ingest-api.md, "Status
 * codes and what to do") and a message for humans.
 */
public record EnvelopeError(String code, String message) {

    public static final String INVALID_JSON = "invalid_json";
    public static final String NOT_AN_OBJECT = "not_an_object";
    public static final String INVALID_TIMESTAMP = "invalid_timestamp";
    public static final String MISSING_FIELD_PREFIX = "missing_field:";
    public static final String WRONG_TYPE_PREFIX = "wrong_type:";

    static EnvelopeError missingField(String field, String message) {
        return new EnvelopeError(MISSING_FIELD_PREFIX + field, message);
    }

    static EnvelopeError wrongType(String field, String message) {
        return new EnvelopeError(WRONG_TYPE_PREFIX + field, message);
    }
}
