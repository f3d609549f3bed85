package org.livepeer.analytics.e2e;

import java.util.List;

/** Inputs that break the rules of docs/events.md §1.2, with the error each must get. */
final class MalformedInputs {

    private static final String TS = "\"timestamp\":1767225600000";

    /**
     * {envelope JSON, the gateway's error code, the DLQ row's error_type}: each breaks exactly one
     * envelope rule. The DLQ names the gateway's codes in its closed set (docs/processor.md, "Dead
     * letters"); the field is in the message.
     */
    static final List<String[]> ENVELOPES =
            List.of(
                    triple("42", "not_an_object", "invalid_payload"),
                    triple(
                            "{\"type\":\"stream_trace\"," + TS + ",\"data\":{}}",
                            "missing_field:id",
                            "missing_field"),
                    triple(
                            "{\"id\":\"m2\",\"type\":\"\"," + TS + ",\"data\":{}}",
                            "missing_field:type",
                            "missing_field"),
                    triple(
                            "{\"id\":\"m3\",\"type\":7," + TS + ",\"data\":{}}",
                            "wrong_type:type",
                            "invalid_value"),
                    triple(
                            "{\"id\":\"m4\",\"type\":\"t\"," + TS + ",\"gateway\":5,\"data\":{}}",
                            "wrong_type:gateway",
                            "invalid_value"),
                    triple(
                            "{\"id\":\"m5\",\"type\":\"t\"," + TS + "}",
                            "missing_field:data",
                            "missing_field"),
                    triple(
                            "{\"id\":\"m6\",\"type\":\"t\"," + TS + ",\"data\":null}",
                            "missing_field:data",
                            "missing_field"),
                    triple(
                            "{\"id\":\"m7\",\"type\":\"t\",\"timestamp\":1767225600,\"data\":{}}",
                            "invalid_timestamp",
                            "invalid_value"),
                    triple(
                            "{\"id\":\"m8\",\"type\":\"t\",\"timestamp\":\"17672256e5\",\"data\":{}}",
                            "invalid_timestamp",
                            "invalid_value"),
                    triple(
                            "{\"id\":\"m9\",\"type\":\"t\",\"timestamp\":1767225600000.5,\"data\":{}}",
                            "invalid_timestamp",
                            "invalid_value"),
                    triple(
                            "{\"id\":\"m10\",\"type\":\"t\",\"data\":{}}",
                            "missing_field:timestamp",
                            "missing_field"));

    private MalformedInputs() {}

    private static String[] triple(String envelope, String error, String deadLetterType) {
        return new String[] {envelope, error, deadLetterType};
    }
}
