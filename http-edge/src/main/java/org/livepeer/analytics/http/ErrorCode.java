package org.livepeer.analytics.http;

/**
 * One error a service answers with: the value of the body's {@code error} field and the HTTP
 * status. Each service lists its own in an enum (docs/ingest-api.md, "Status codes and what to do";
 * docs/live-metrics.md, "Errors"); {@link ErrorResponses} writes them all in one shape.
 */
public interface ErrorCode {

    /** The value of the {@code error} field. */
    String code();

    int status();

    /** The message when the failure carries none (e.g. a status Vert.x set itself). */
    default String defaultMessage() {
        return code();
    }

    /** Answers that a client should retry later carry {@code Retry-After}. */
    default boolean retryable() {
        return status() == 503 || status() == 429;
    }
}
