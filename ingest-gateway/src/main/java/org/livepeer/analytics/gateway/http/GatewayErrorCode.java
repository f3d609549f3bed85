package org.livepeer.analytics.gateway.http;

import org.livepeer.analytics.http.ErrorCode;
import org.livepeer.analytics.http.ErrorSpec;

/**
 * Every error the gateway answers with, its HTTP status (the wire code is the constant's name in
 * lower case) (docs/ingest-api.md, "Status codes and what to do").
 */
public enum GatewayErrorCode implements ErrorCode {
    INVALID_JSON(400),
    INVALID_ENCODING(400),
    UNAUTHORIZED(401),
    NOT_FOUND(404, "no such endpoint"),
    METHOD_NOT_ALLOWED(405, "method not allowed here"),
    PAYLOAD_TOO_LARGE(413, "request body exceeds the configured limit"),
    TOO_MANY_EVENTS(413),
    UNSUPPORTED_MEDIA_TYPE(415, "Content-Type must be application/json or application/x-ndjson"),
    RATE_LIMITED(429),
    INTERNAL_ERROR(500, "internal error"),
    KAFKA_UNAVAILABLE(503),
    OVERLOADED(503),
    NOT_READY(503);

    GatewayErrorCode(int status) {
        this(status, null);
    }

    GatewayErrorCode(int status, String defaultMessage) {
        ErrorSpec.declare(this, status, defaultMessage);
    }

    /**
     * The code for a status Vert.x set itself (body limit, unmatched route, ...): the first above
     * with that status (400 invalid_json, 413 payload_too_large, 503 kafka_unavailable).
     */
    public static GatewayErrorCode forStatus(int status) {
        return ErrorCode.firstWithStatus(GatewayErrorCode.class, status, INTERNAL_ERROR);
    }
}
