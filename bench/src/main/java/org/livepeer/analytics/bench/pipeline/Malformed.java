package org.livepeer.analytics.bench.pipeline;

/**
 * Bad records for the processor's dead-letter path, as a direct Kafka producer (not the gateway,
 * which would refuse most of them) could write them. Each carries {@code <prefix>-bad-<n>} in its
 * text, also when it is not JSON, so its dead letter is found by that string in {@code raw_json}.
 */
enum Malformed {
    /** Cut off in the middle of {@code data}: {@code invalid_json}. */
    TRUNCATED_JSON,
    /** A type no parser knows: {@code unknown_event_type}. */
    UNKNOWN_TYPE,
    /** {@code data.stream_id} is a number: rejected by the stream_trace parser. */
    WRONG_FIELD_TYPE,
    /** The envelope timestamp is a boolean: rejected by the envelope rules. */
    WRONG_TIMESTAMP_TYPE;

    /** The record of kind {@code n % 4}, id {@code idPrefix + n}. */
    static String record(String idPrefix, long n, long timestampMs) {
        Malformed kind = values()[(int) (n % values().length)];
        String id = idPrefix + n;
        String trace =
                "\"data\":{\"type\":\"gateway_receive_stream_request\",\"stream_id\":%s,"
                        + "\"request_id\":\"bad\",\"pipeline_id\":\"\","
                        + "\"orchestrator_info\":{\"address\":\"\",\"url\":\"\"},\"timestamp\":"
                        + timestampMs
                        + "}}";
        String envelope =
                "{\"id\":\"" + id + "\",\"type\":\"%s\",\"timestamp\":%s,\"gateway\":\"\",";
        String ts = "\"" + timestampMs + "\"";
        return switch (kind) {
            case TRUNCATED_JSON ->
                    String.format(envelope, "stream_trace", ts) + "\"data\":{\"type\":\"gatew";
            case UNKNOWN_TYPE -> String.format(envelope, "bench_unknown_type", ts) + "\"data\":{}}";
            case WRONG_FIELD_TYPE ->
                    String.format(envelope, "stream_trace", ts) + String.format(trace, "42");
            case WRONG_TIMESTAMP_TYPE ->
                    String.format(envelope, "stream_trace", "true")
                            + String.format(trace, "\"s-bad\"");
        };
    }
}
