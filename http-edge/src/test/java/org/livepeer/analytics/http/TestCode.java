package org.livepeer.analytics.http;

/** A service's error catalog, as the tests need one. */
public enum TestCode implements ErrorCode {
    BAD(400),
    UNAUTHORIZED(401),
    NOT_FOUND(404, "no such endpoint"),
    METHOD_NOT_ALLOWED(405),
    PAYLOAD_TOO_LARGE(413),
    METHOD_NOT_IMPLEMENTED(501),
    BUSY(503),
    INTERNAL_ERROR(500);

    TestCode(int status) {
        this(status, null);
    }

    TestCode(int status, String defaultMessage) {
        ErrorSpec.declare(this, status, defaultMessage);
    }

    public static ErrorCode forStatus(int status) {
        return ErrorCode.firstWithStatus(TestCode.class, status, INTERNAL_ERROR);
    }
}
