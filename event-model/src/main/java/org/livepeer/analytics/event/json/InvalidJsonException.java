package org.livepeer.analytics.event.json;

/** Input that is not exactly one strict JSON value. */
public final class InvalidJsonException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean encodingError;

    public InvalidJsonException(String message, boolean encodingError) {
        super(message);
        this.encodingError = encodingError;
    }

    public InvalidJsonException(String message, boolean encodingError, Throwable cause) {
        super(message, cause);
        this.encodingError = encodingError;
    }

    /** True when the bytes were not valid UTF-8 (the processor's {@code invalid_encoding}). */
    public boolean encodingError() {
        return encodingError;
    }
}
