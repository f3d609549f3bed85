package org.livepeer.analytics.event.parse;

import java.io.Serializable;
import org.livepeer.analytics.event.envelope.Envelope;

/**
 * Turns the {@code data} of one validated envelope into typed rows or a classified rejection.
 * Implementations are stateless and thread-safe; they are serializable so Flink can ship them.
 */
public interface EventParser extends Serializable {

    ParseOutcome parse(Envelope envelope);
}
