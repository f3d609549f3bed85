package org.livepeer.analytics.gateway.publish;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Collects the Kafka acknowledgements of one request's records and completes once, on the request's
 * context: with success when every record was acknowledged, with the first failure as soon as one
 * send fails, or with a timeout. Callbacks arrive on the producer's I/O thread (or the sender
 * thread when {@code send} itself throws), so one hop back to the event loop is made per request,
 * not per record.
 */
final class RequestAcks implements Callback {

    private final Context context;
    private final Promise<Void> promise = Promise.promise();
    private final AtomicInteger remaining;
    private final long timer;

    /** Call on the request's context: the timeout timer is bound to it. */
    RequestAcks(Context context, int records, long timeoutMs) {
        this.context = context;
        this.remaining = new AtomicInteger(records);
        this.timer =
                context.owner()
                        .setTimer(
                                timeoutMs,
                                id ->
                                        promise.tryFail(
                                                new TimeoutException(
                                                        "no acknowledgement within "
                                                                + timeoutMs
                                                                + " ms")));
    }

    Future<Void> future() {
        return promise.future();
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null) {
            // Fail fast: the first failure answers the request; later outcomes are ignored.
            if (remaining.getAndSet(-1) > 0) {
                context.runOnContext(v -> finish(exception));
            }
            return;
        }
        if (remaining.decrementAndGet() == 0) {
            context.runOnContext(v -> finish(null));
        }
    }

    private void finish(Exception failure) {
        context.owner().cancelTimer(timer);
        if (failure == null) {
            promise.tryComplete();
        } else {
            promise.tryFail(failure);
        }
    }
}
