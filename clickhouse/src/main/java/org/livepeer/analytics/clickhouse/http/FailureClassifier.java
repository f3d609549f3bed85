package org.livepeer.analytics.clickhouse.http;

import java.util.Set;

/**
 * The one place that decides, from ClickHouse's error code and the HTTP status, whether a failure
 * is transient, a rejection of the data, or fatal. Codes are ClickHouse's stable numeric error
 * codes ({@code src/Common/ErrorCodes.cpp}); messages are never inspected.
 */
public final class FailureClassifier {

    /** Errors caused by the bytes sent: parse failures, wrong types, values out of range. */
    private static final Set<Integer> DATA_ERRORS =
            Set.of(
                    6, // CANNOT_PARSE_TEXT
                    25, // CANNOT_PARSE_ESCAPE_SEQUENCE
                    26, // CANNOT_PARSE_QUOTED_STRING
                    27, // CANNOT_PARSE_INPUT_ASSERTION_FAILED
                    32, // ATTEMPT_TO_READ_AFTER_EOF
                    33, // CANNOT_READ_ALL_DATA
                    38, // CANNOT_PARSE_DATE
                    41, // CANNOT_PARSE_DATETIME
                    53, // TYPE_MISMATCH
                    69, // ARGUMENT_OUT_OF_BOUND
                    70, // CANNOT_CONVERT_TYPE
                    72, // CANNOT_PARSE_NUMBER
                    117, // INCORRECT_DATA
                    130, // CANNOT_READ_ARRAY_FROM_TEXT
                    131, // TOO_LARGE_STRING_SIZE
                    190, // SIZES_OF_ARRAYS_DOESNT_MATCH
                    321, // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
                    349, // CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN
                    376, // CANNOT_PARSE_UUID
                    441, // CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING
                    467 // CANNOT_PARSE_BOOL
                    );

    /** Server-side conditions that pass: overload, limits on concurrency, timeouts, memory. */
    private static final Set<Integer> TRANSIENT_ERRORS =
            Set.of(
                    159, // TIMEOUT_EXCEEDED
                    160, // TOO_SLOW
                    202, // TOO_MANY_SIMULTANEOUS_QUERIES
                    203, // NO_FREE_CONNECTION
                    209, // SOCKET_TIMEOUT
                    210, // NETWORK_ERROR
                    241, // MEMORY_LIMIT_EXCEEDED
                    242, // TABLE_IS_READ_ONLY
                    252, // TOO_MANY_PARTS
                    285, // TOO_FEW_LIVE_REPLICAS
                    319, // UNKNOWN_STATUS_OF_INSERT
                    394, // QUERY_WAS_CANCELLED
                    473, // DEADLOCK_AVOIDED
                    999 // KEEPER_EXCEPTION
                    );

    private FailureClassifier() {}

    /**
     * Classifies a response from the server.
     *
     * @param code ClickHouse error code, or -1 when the body carried none
     * @param httpStatus HTTP status of the response
     */
    public static FailureKind classify(int code, int httpStatus) {
        if (DATA_ERRORS.contains(code)) {
            return FailureKind.REJECT_DATA;
        }
        if (TRANSIENT_ERRORS.contains(code)) {
            return FailureKind.RETRY;
        }
        if (code < 0 && (httpStatus >= 500 || httpStatus == 408 || httpStatus == 429)) {
            // No ClickHouse code: a proxy, a restart in progress or a dropped stream.
            return FailureKind.RETRY;
        }
        return FailureKind.FAIL;
    }

    /** No response at all (refused connection, timeout, reset): always worth a retry. */
    public static FailureKind classifyNoResponse() {
        return FailureKind.RETRY;
    }
}
