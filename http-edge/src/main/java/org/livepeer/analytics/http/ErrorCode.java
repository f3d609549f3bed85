package org.livepeer.analytics.http;

import java.util.Locale;

/**
 * One error a service answers with: the value of the body's {@code error} field and the HTTP
 * status. Each service lists its own in an enum (docs/ingest-api.md, "Status codes and what to do";
 * docs/live-metrics.md, "Errors") whose constants declare their {@link ErrorSpec}; {@link
 * ErrorResponses} writes them all in one shape.
 */
public interface ErrorCode {

    /** The constant's name; enums implement it. */
    String name();

    /** The value of the {@code error} field: the constant's name in lower case. */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    default int status() {
        return ErrorSpec.of(this).status();
    }

    /** The message when the failure carries none (e.g. a status Vert.x set itself). */
    default String defaultMessage() {
        String message = ErrorSpec.of(this).defaultMessage();
        return message == null ? code() : message;
    }

    /** Answers that a client should retry later carry {@code Retry-After}. */
    default boolean retryable() {
        return status() == 503 || status() == 429;
    }

    /**
     * The code for a status Vert.x set itself (body limit, unmatched route, CORS…): the first
     * constant of {@code codes}, in declaration order, with that status, or {@code fallback}.
     */
    static <E extends Enum<E> & ErrorCode> E firstWithStatus(
            Class<E> codes, int status, E fallback) {
        for (E code : codes.getEnumConstants()) {
            if (code.status() == status) {
                return code;
            }
        }
        return fallback;
    }
}
