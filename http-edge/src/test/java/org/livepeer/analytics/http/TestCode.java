package org.livepeer.analytics.http;

/** A service's error catalog, as the tests need one. */
public enum TestCode implements ErrorCode {
    BAD(400, null),
    UNAUTHORIZED(401, null),
    NOT_FOUND(404, "no such endpoint"),
    METHOD_NOT_ALLOWED(405, null),
    PAYLOAD_TOO_LARGE(413, null),
    METHOD_NOT_IMPLEMENTED(501, null),
    BUSY(503, null),
    INTERNAL_ERROR(500, null);

    /** {@code defaultMessage} null: the code itself. */
    TestCode(int status, String defaultMessage) {
        ErrorSpec.declare(this, status, defaultMessage);
    }

    public static ErrorCode forStatus(int status) {
        return ErrorCode.firstWithStatus(TestCode.class, status, INTERNAL_ERROR);
    }
}
