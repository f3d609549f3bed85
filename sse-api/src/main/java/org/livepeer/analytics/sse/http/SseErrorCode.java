package org.livepeer.analytics.sse.http;

import org.livepeer.analytics.http.ErrorCode;

/** Every error the SSE API answers with, its wire code and HTTP status (docs/live-metrics.md). */
public enum SseErrorCode implements ErrorCode {
    BAD_REQUEST("bad_request", 400, "malformed request"),
    INVALID_FILTER("invalid_filter", 400, "invalid filter"),
    UNAUTHORIZED(
            "unauthorized",
            401,
            "a read token is required (Authorization: Bearer or access_token)"),
    FORBIDDEN("forbidden", 403, "origin not allowed"),
    NOT_FOUND("not_found", 404, "no such resource"),
    METHOD_NOT_ALLOWED("method_not_allowed", 405, "only GET and OPTIONS are served"),
    RANGE_NOT_SATISFIABLE("range_not_satisfiable", 416, "range not satisfiable"),
    INTERNAL_ERROR("internal_error", 500, "internal error"),
    METHOD_NOT_IMPLEMENTED("method_not_implemented", 501, "unknown HTTP method"),
    TOO_MANY_CLIENTS("too_many_clients", 503, "connection limit reached"),
    NOT_READY("not_ready", 503, "the Kafka consumer is not connected yet");

    private final String code;
    private final int status;
    private final String defaultMessage;

    SseErrorCode(String code, int status, String defaultMessage) {
        this.code = code;
        this.status = status;
        this.defaultMessage = defaultMessage;
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
        return defaultMessage;
    }

    /**
     * The code for a status Vert.x set itself: an unmatched route, CORS refusing an origin, the
     * dashboard's file handler refusing a range.
     */
    public static SseErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 416 -> RANGE_NOT_SATISFIABLE;
            case 501 -> METHOD_NOT_IMPLEMENTED;
            default -> INTERNAL_ERROR;
        };
    }
}
