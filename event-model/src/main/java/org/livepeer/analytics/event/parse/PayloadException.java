package org.livepeer.analytics.event.parse;

/**
 * A payload that breaks the typed model, classified as in docs/events.md §2.2. Thrown by {@link
 * JsonFields} so a parser can read fields depth-first and stop at the first violation; {@link
 * PayloadParser} turns it into a {@link ParseOutcome.Rejected} at the parser boundary, so it never
 * escapes a parser. It carries no stack trace: it is an expected outcome on a hot path, not a bug.
 *
 * <p>The error type is one of three fixed codes; the field's path, which may hold map keys and
 * array indices chosen by the producer, is kept apart and named in the message, so that the error
 * types stay a small closed set whatever the input.
 */
public final class PayloadException extends RuntimeException {

    public static final String MISSING_FIELD = "missing_field";
    public static final String INVALID_VALUE = "invalid_value";
    public static final String INVALID_PAYLOAD = "invalid_payload";

    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final String path;

    private PayloadException(String errorType, String path, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.path = path;
    }

    public static PayloadException missingField(String path) {
        return new PayloadException(MISSING_FIELD, path, path + " is required");
    }

    public static PayloadException invalidValue(String path, String message) {
        return new PayloadException(INVALID_VALUE, path, path + ": " + message);
    }

    public static PayloadException invalidPayload(String message) {
        return new PayloadException(INVALID_PAYLOAD, "", message);
    }

    /** {@link #MISSING_FIELD}, {@link #INVALID_VALUE} or {@link #INVALID_PAYLOAD}. */
    public String errorType() {
        return errorType;
    }

    /** The path of the field at fault ({@code data[3].latency_ms}), or "" for the whole payload. */
    public String path() {
        return path;
    }

    ParseOutcome.Rejected toRejected() {
        return new ParseOutcome.Rejected(errorType, path, getMessage());
    }
}
