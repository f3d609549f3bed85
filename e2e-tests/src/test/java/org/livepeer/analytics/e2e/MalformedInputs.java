package org.livepeer.analytics.e2e;

import java.util.List;

/** Inputs that break the rules of docs/events.md §1.2, with the error each must get. */
final class MalformedInputs {

    private static final String TS = "\"timestamp\":1767225600000";

    /** {envelope JSON, expected error code}: each breaks exactly one envelope rule. */
    static final List<String[]> ENVELOPES =
            List.of(
                    pair("42", "not_an_object"),
                    pair("{\"type\":\"stream_trace\"," + TS + ",\"data\":{}}", "missing_field:id"),
                    pair(
                            "{\"id\":\"m2\",\"type\":\"\"," + TS + ",\"data\":{}}",
                            "missing_field:type"),
                    pair("{\"id\":\"m3\",\"type\":7," + TS + ",\"data\":{}}", "wrong_type:type"),
                    pair(
                            "{\"id\":\"m4\",\"type\":\"t\"," + TS + ",\"gateway\":5,\"data\":{}}",
                            "wrong_type:gateway"),
                    pair("{\"id\":\"m5\",\"type\":\"t\"," + TS + "}", "missing_field:data"),
                    pair(
                            "{\"id\":\"m6\",\"type\":\"t\"," + TS + ",\"data\":null}",
                            "missing_field:data"),
                    pair(
                            "{\"id\":\"m7\",\"type\":\"t\",\"timestamp\":1767225600,\"data\":{}}",
                            "invalid_timestamp"),
                    pair(
                            "{\"id\":\"m8\",\"type\":\"t\",\"timestamp\":\"17672256e5\",\"data\":{}}",
                            "invalid_timestamp"),
                    pair(
                            "{\"id\":\"m9\",\"type\":\"t\",\"timestamp\":1767225600000.5,\"data\":{}}",
                            "invalid_timestamp"),
                    pair("{\"id\":\"m10\",\"type\":\"t\",\"data\":{}}", "missing_field:timestamp"));

    private MalformedInputs() {}

    private static String[] pair(String envelope, String error) {
        return new String[] {envelope, error};
    }
}
