package org.livepeer.analytics.event.parse;

/**
 * A payload that breaks the typed model, classified as in docs/events.md §2.2. Thrown by {@link
 * JsonFields} so a parser can read fields depth-first and stop at the first violation; {@link
 * PayloadParser} turns it into a {@link ParseOutcome.Rejected} at the parser boundary, so it never
 * escapes a parser. It carries no stack trace: it is an expected outcome on a hot path, not a bug.
 */
public final class PayloadException extends RuntimeException {

    public static final String MISSING_FIELD_PREFIX = "missing_field:";
    public static final String INVALID_VALUE_PREFIX = "invalid_value:";
    public static final String INVALID_PAYLOAD = "invalid_payload";

    private static final long serialVersionUID = 1L;

    private final String errorType;

    private PayloadException(String errorType, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
    }

    public static PayloadException missingField(String path) {
        return new PayloadException(MISSING_FIELD_PREFIX + path, path + " is required");
    }

    public static PayloadException invalidValue(String path, String message) {
        return new PayloadException(INVALID_VALUE_PREFIX + path, path + ": " + message);
    }

    public static PayloadException invalidPayload(String message) {
        return new PayloadException(INVALID_PAYLOAD, message);
    }

    public String errorType() {
        return errorType;
    }

    ParseOutcome.Rejected toRejected() {
        return new ParseOutcome.Rejected(errorType, getMessage());
    }
}
