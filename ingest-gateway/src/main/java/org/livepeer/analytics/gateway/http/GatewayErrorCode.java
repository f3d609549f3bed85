package org.livepeer.analytics.gateway.http;

import org.livepeer.analytics.http.ErrorCode;

/**
 * Every error the gateway answers with, its wire code and HTTP status (docs/ingest-api.md, "Status
 * codes and what to do").
 */
public enum GatewayErrorCode implements ErrorCode {
    INVALID_JSON("invalid_json", 400),
    INVALID_ENCODING("invalid_encoding", 400),
    UNAUTHORIZED("unauthorized", 401),
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    TOO_MANY_EVENTS("too_many_events", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    RATE_LIMITED("rate_limited", 429),
    INTERNAL_ERROR("internal_error", 500),
    KAFKA_UNAVAILABLE("kafka_unavailable", 503),
    OVERLOADED("overloaded", 503),
    NOT_READY("not_ready", 503);

    private final String code;
    private final int status;

    GatewayErrorCode(String code, int status) {
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
        return switch (this) {
            case PAYLOAD_TOO_LARGE -> "request body exceeds the configured limit";
            case UNSUPPORTED_MEDIA_TYPE ->
                    "Content-Type must be application/json or application/x-ndjson";
            case NOT_FOUND -> "no such endpoint";
            case METHOD_NOT_ALLOWED -> "method not allowed here";
            case INTERNAL_ERROR -> "internal error";
            default -> code;
        };
    }

    /** The code for a status Vert.x set itself (body limit, unmatched route, ...). */
    public static GatewayErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_JSON;
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> KAFKA_UNAVAILABLE;
            default -> INTERNAL_ERROR;
        };
    }
}
