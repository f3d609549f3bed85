package org.livepeer.analytics.gateway;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.livepeer.analytics.gateway.publish.DeadLetter;
import org.livepeer.analytics.gateway.publish.EventOrigin;
import org.livepeer.analytics.gateway.publish.EventPublisher;
import org.livepeer.analytics.gateway.publish.OutgoingEvent;
import org.livepeer.analytics.gateway.publish.PublishException;

/**
 * Records what would go to Kafka; reachable unless told otherwise; can be told to fail sends, DLQ
 * writes and readiness probes, or to hold sends until released.
 */
public final class FakePublisher implements EventPublisher {

    final List<OutgoingEvent> published = new CopyOnWriteArrayList<>();
    final List<EventOrigin> origins = new CopyOnWriteArrayList<>();
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    final List<Promise<Void>> held = new CopyOnWriteArrayList<>();
    final Set<String> publishingThreads = ConcurrentHashMap.newKeySet();
    volatile boolean failSends;
    volatile boolean failDeadLetters;
    volatile boolean holdSends;
    volatile boolean reachable = true;
    volatile boolean closed;

    @Override
    public Future<Void> publish(List<OutgoingEvent> events, EventOrigin origin) {
        if (failSends) {
            return Future.failedFuture(
                    new PublishException(
                            "Kafka did not acknowledge the events: fake broker down", null));
        }
        publishingThreads.add(Thread.currentThread().getName());
        published.addAll(events);
        events.forEach(e -> origins.add(origin));
        if (holdSends) {
            Promise<Void> promise = Promise.promise();
            held.add(promise);
            return promise.future();
        }
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> publishDeadLetters(List<DeadLetter> letters, EventOrigin origin) {
        if (failDeadLetters) {
            return Future.failedFuture(new PublishException("fake DLQ down", null));
        }
        deadLetters.addAll(letters);
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
