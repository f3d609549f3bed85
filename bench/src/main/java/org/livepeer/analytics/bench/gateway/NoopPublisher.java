package org.livepeer.analytics.bench.gateway;

import io.vertx.core.Future;
import java.util.List;
import org.livepeer.analytics.gateway.publish.DeadLetter;
import org.livepeer.analytics.gateway.publish.EventOrigin;
import org.livepeer.analytics.gateway.publish.EventPublisher;
import org.livepeer.analytics.gateway.publish.OutgoingEvent;

/** The baseline: the whole gateway (HTTP, auth, parsing, checks) with an instant "Kafka". */
final class NoopPublisher implements EventPublisher {

    @Override
    public Future<Void> publish(List<OutgoingEvent> events, EventOrigin origin) {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> publishDeadLetters(List<DeadLetter> letters, EventOrigin origin) {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> probe() {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
