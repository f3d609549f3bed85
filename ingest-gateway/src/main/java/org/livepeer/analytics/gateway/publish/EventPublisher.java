package org.livepeer.analytics.gateway.publish;

import io.vertx.core.Future;
import java.util.List;

/**
 * Writes accepted events to the events topic. Behind an interface so the HTTP layer is tested with
 * a hand-written fake; the real one is {@link KafkaEventPublisher}.
 */
public interface EventPublisher {

    /**
     * Sends {@code events}; the future succeeds only once Kafka acknowledged every one of them, and
     * fails with {@link PublishException} when any send fails, times out, or cannot start because
     * the producer is overloaded.
     */
    Future<Void> publish(List<OutgoingEvent> events, EventOrigin origin);

    /**
     * Writes rejected envelopes to the DLQ topic. Best effort: the caller counts and logs a
     * failure, and the request's answer does not depend on it.
     */
    Future<Void> publishDeadLetters(List<DeadLetter> letters, EventOrigin origin);

    /** Succeeds when Kafka answers a cluster request; used by {@code /ready}. */
    Future<Void> probe();

    /** Flushes what is in flight and releases the clients. */
    Future<Void> close();
}
