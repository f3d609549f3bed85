package org.livepeer.analytics.http;

/** A service's error catalog, as the tests need one. */
public enum TestCode implements ErrorCode {
    BAD("bad", 400),
    UNAUTHORIZED("unauthorized", 401),
    NOT_FOUND("not_found", 404),
    NOT_ALLOWED("method_not_allowed", 405),
    TOO_LARGE("payload_too_large", 413),
    NOT_IMPLEMENTED("method_not_implemented", 501),
    BUSY("busy", 503),
    INTERNAL("internal_error", 500);

    private final String code;
    private final int status;

    TestCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String defaultMessage() {
        return this == NOT_FOUND ? "no such endpoint" : code;
    }

    public static ErrorCode forStatus(int status) {
        for (TestCode c : values()) {
            if (c.status == status) {
                return c;
            }
        }
        return INTERNAL;
    }
}
