package org.livepeer.analytics.processor.route;

import java.util.List;
import org.livepeer.analytics.event.envelope.Envelope;
import org.livepeer.analytics.event.rows.TypedRow;
import org.livepeer.analytics.processor.row.DeadLetterCode;
import org.livepeer.analytics.processor.row.SinkRow;

/**
 * What one Kafka record becomes: always its raw-archive row, and either typed rows or one
 * dead-letter row (never both, never neither). The envelope and the first parsed row are kept so
 * that the deduplication and the live windows read the record from the one parse.
 *
 * @param deadLetter the dead-letter row, or null when the record parsed into typed rows
 * @param errorType the dead letter's {@code error_type}, or null
 * @param envelope the valid envelope, or null when the record is not one
 * @param firstRow the first parsed row, or null when the record is a dead letter
 */
public record Routed(
        SinkRow raw,
        List<SinkRow> typed,
        SinkRow deadLetter,
        DeadLetterCode errorType,
        Envelope envelope,
        TypedRow firstRow) {

    public Routed {
        typed = List.copyOf(typed);
        if (typed.isEmpty() == (deadLetter == null)) {
            throw new IllegalArgumentException("a record yields typed rows or a dead letter");
        }
        if ((deadLetter == null) != (errorType == null)) {
            throw new IllegalArgumentException("a dead letter comes with its error type");
        }
        if (envelope == null && deadLetter == null) {
            throw new IllegalArgumentException("typed rows come from a valid envelope");
        }
        if ((firstRow == null) != typed.isEmpty()) {
            throw new IllegalArgumentException("typed rows come with their first parsed row");
        }
    }
}
