package org.livepeer.analytics.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a service's error catalog says of one code: its HTTP status and the message used when a
 * failure carries none (null: the code itself). An error enum declares each constant's spec in its
 * constructor, {@code ErrorSpec.declare(this, status, message)}; {@link ErrorCode} answers the
 * rest, so a catalog is its list of constants and nothing else.
 */
public record ErrorSpec(int status, String defaultMessage) {

    private static final Map<ErrorCode, ErrorSpec> DECLARED = new ConcurrentHashMap<>();

    /** Called once per constant, from the error enum's constructor. */
    public static void declare(ErrorCode code, int status, String defaultMessage) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException(code.name() + ": not an error status: " + status);
        }
        DECLARED.put(code, new ErrorSpec(status, defaultMessage));
    }

    static ErrorSpec of(ErrorCode code) {
        ErrorSpec spec = DECLARED.get(code);
        if (spec == null) {
            throw new IllegalStateException(
                    code.name() + " declared no ErrorSpec in its constructor");
        }
        return spec;
    }
}
