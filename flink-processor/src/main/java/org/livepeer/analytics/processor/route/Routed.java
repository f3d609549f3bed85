package org.livepeer.analytics.processor.route;

import java.util.List;
import org.livepeer.analytics.processor.sink.clickhouse.SinkRow;

/**
 * What one Kafka record becomes: always its raw-archive row, and either typed rows or one
 * dead-letter row (never both, never neither).
 *
 * @param deadLetter the dead-letter row, or null when the record parsed into typed rows
 */
public record Routed(SinkRow raw, List<SinkRow> typed, SinkRow deadLetter) {

    public Routed {
        typed = List.copyOf(typed);
        if (typed.isEmpty() == (deadLetter == null)) {
            throw new IllegalArgumentException("a record yields typed rows or a dead letter");
        }
    }
}
