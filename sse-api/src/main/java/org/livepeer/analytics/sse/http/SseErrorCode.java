package org.livepeer.analytics.sse.http;

import org.livepeer.analytics.http.ErrorCode;
import org.livepeer.analytics.http.ErrorSpec;

/**
 * Every error the SSE API answers with, its HTTP status (the wire code is the constant's name in
 * lower case) (docs/live-metrics.md).
 */
public enum SseErrorCode implements ErrorCode {
    BAD_REQUEST(400, "malformed request"),
    INVALID_FILTER(400, "invalid filter"),
    UNAUTHORIZED(401, "a read token is required (Authorization: Bearer or access_token)"),
    FORBIDDEN(403, "origin not allowed"),
    NOT_FOUND(404, "no such resource"),
    METHOD_NOT_ALLOWED(405, "only GET and OPTIONS are served"),
    RANGE_NOT_SATISFIABLE(416, "range not satisfiable"),
    INTERNAL_ERROR(500, "internal error"),
    METHOD_NOT_IMPLEMENTED(501, "unknown HTTP method"),
    NOT_READY(503, "the Kafka consumer is not connected yet"),
    TOO_MANY_CLIENTS(503, "connection limit reached");

    SseErrorCode(int status, String defaultMessage) {
        ErrorSpec.declare(this, status, defaultMessage);
    }

    /**
     * The code for a status Vert.x set itself (an unmatched route, CORS refusing an origin, the
     * dashboard's file handler refusing a range): the first above with that status.
     */
    public static SseErrorCode forStatus(int status) {
        return ErrorCode.firstWithStatus(SseErrorCode.class, status, INTERNAL_ERROR);
    }
}
