package org.livepeer.analytics.gateway.ingest;

import java.util.List;
import org.livepeer.analytics.gateway.publish.OutgoingEvent;

/** A request's events after the envelope checks: what goes to Kafka and what was refused. */
public record CheckedBatch(List<OutgoingEvent> accepted, List<Rejection> rejected) {

    public CheckedBatch {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }

    /** The answer body for this batch. */
    public IngestResult result() {
        return new IngestResult(accepted.size(), rejected);
    }
}
