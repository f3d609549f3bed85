package org.livepeer.analytics.gateway;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.livepeer.analytics.gateway.publish.EventOrigin;
import org.livepeer.analytics.gateway.publish.EventPublisher;
import org.livepeer.analytics.gateway.publish.OutgoingEvent;
import org.livepeer.analytics.gateway.publish.PublishException;

/** Records what would go to Kafka; can be told to fail sends and readiness probes. */
final class FakePublisher implements EventPublisher {

    final List<OutgoingEvent> published = new CopyOnWriteArrayList<>();
    final List<EventOrigin> origins = new CopyOnWriteArrayList<>();
    volatile boolean failSends;
    volatile boolean reachable;
    volatile boolean closed;

    @Override
    public Future<Void> publish(List<OutgoingEvent> events, EventOrigin origin) {
        if (failSends) {
            return Future.failedFuture(
                    new PublishException(
                            "Kafka did not acknowledge the events: fake broker down", null));
        }
        published.addAll(events);
        events.forEach(e -> origins.add(origin));
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> probe() {
        return reachable
                ? Future.succeededFuture()
                : Future.failedFuture(new IllegalStateException("fake broker down"));
    }

    @Override
    public Future<Void> close() {
        closed = true;
        return Future.succeededFuture();
    }
}
