package org.livepeer.analytics.gateway.ingest;

import java.util.List;

/** The body of a batch answer: {@code {"accepted": n, "rejected": [...]}}. */
public record IngestResult(int accepted, List<Rejection> rejected) {

    public IngestResult {
        rejected = List.copyOf(rejected);
    }
}
