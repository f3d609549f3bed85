package org.livepeer.analytics.gateway.ingest;

import java.util.List;
import org.livepeer.analytics.gateway.publish.DeadLetter;
import org.livepeer.analytics.gateway.publish.OutgoingEvent;

/**
 * A request's events after the envelope checks: what goes to Kafka, what was refused, and the
 * refused events' DLQ records (one per rejection, in the same order).
 */
public record CheckedBatch(
        List<OutgoingEvent> accepted, List<Rejection> rejected, List<DeadLetter> deadLetters) {

    public CheckedBatch {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
        deadLetters = List.copyOf(deadLetters);
    }

    /** The answer body for this batch. */
    public IngestResult result() {
        return new IngestResult(accepted.size(), rejected);
    }
}
