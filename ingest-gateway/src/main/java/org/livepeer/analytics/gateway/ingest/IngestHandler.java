package org.livepeer.analytics.gateway.ingest;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.livepeer.analytics.event.envelope.EnvelopeError;
import org.livepeer.analytics.gateway.auth.BearerAuthHandler;
import org.livepeer.analytics.gateway.health.ReadinessMonitor;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;
import org.livepeer.analytics.gateway.limit.InflightLimit;
import org.livepeer.analytics.gateway.limit.KeyRateLimiter;
import org.livepeer.analytics.gateway.metrics.GatewayMetrics;
import org.livepeer.analytics.gateway.publish.DeadLetter;
import org.livepeer.analytics.gateway.publish.EventOrigin;
import org.livepeer.analytics.gateway.publish.EventPublisher;
import org.livepeer.analytics.gateway.publish.PublishException;
import org.livepeer.analytics.http.ApiException;
import org.livepeer.analytics.http.JsonResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/events} once the body is read: splits it, charges the key's rate limit, checks
 * every envelope, writes rejected ones to the DLQ (best effort), and answers {@code 202} only after
 * Kafka acknowledged every accepted event ({@code 400} when none was accepted, {@code 503} when
 * Kafka is down, did not acknowledge in time, or too many events are already waiting for it).
 * Parsing is CPU work bounded by the body limit, so it runs on the event loop; only the Kafka sends
 * leave it.
 */
public final class IngestHandler implements Handler<RoutingContext> {

    /** Routing-context key holding the request's {@link BodyFormat}. */
    static final String FORMAT = "ingest.format";

    /** Routing-context keys with the request's event counts, for the access log. */
    public static final String ACCEPTED = "ingest.accepted";

    public static final String REJECTED = "ingest.rejected";

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final EventPublisher publisher;
    private final int maxEvents;
    private final ReadinessMonitor readiness;
    private final KeyRateLimiter rateLimiter;
    private final InflightLimit inflight;
    private final GatewayMetrics metrics;

    IngestHandler(
            EventPublisher publisher,
            int maxEvents,
            ReadinessMonitor readiness,
            KeyRateLimiter rateLimiter,
            InflightLimit inflight,
            GatewayMetrics metrics) {
        this.publisher = publisher;
        this.maxEvents = maxEvents;
        this.readiness = readiness;
        this.rateLimiter = rateLimiter;
        this.inflight = inflight;
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        EventOrigin origin =
                new EventOrigin(ctx.get(BearerAuthHandler.SOURCE), System.currentTimeMillis());
        byte[] body = ctx.get(BodyReader.BODY);
        metrics.requestBytes(body.length);
        BodyFormat format = ctx.get(FORMAT);
        List<RawEvent> events;
        try {
            events = format.split(body, maxEvents);
        } catch (ApiException e) {
            if (e.code() == GatewayErrorCode.INVALID_JSON) {
                wholeBodyRejected(ctx, body, e, origin);
            }
            ctx.fail(e);
            return;
        }
        long wait = rateLimiter.take(origin.source(), events.size());
        if (wait > 0) {
            metrics.rateLimited();
            ctx.fail(RequestChecks.rateLimited(wait));
            return;
        }
        CheckedBatch batch = EventChecker.check(body, events);
        if (batch.accepted().isEmpty()) {
            countRejected(ctx, batch);
            deadLetters(batch.deadLetters(), origin);
            JsonResponses.send(ctx, 400, batch.result());
            return;
        }
        publish(ctx, batch, origin);
    }

    private void publish(RoutingContext ctx, CheckedBatch batch, EventOrigin origin) {
        if (!readiness.ready()) {
            // Fast path: answer now instead of waiting out the delivery timeout.
            ctx.fail(unavailable(readiness.reason(), null));
            return;
        }
        int events = batch.accepted().size();
        if (!inflight.tryAcquire(events)) {
            ctx.fail(
                    new ApiException(
                            GatewayErrorCode.OVERLOADED,
                            "too many events are waiting for Kafka; retry later"));
            return;
        }
        deadLetters(batch.deadLetters(), origin);
        long start = System.nanoTime();
        publisher
                .publish(batch.accepted(), origin)
                .onComplete(ar -> published(ctx, batch, events, start, ar));
    }

    private void published(
            RoutingContext ctx, CheckedBatch batch, int events, long start, AsyncResult<Void> ar) {
        inflight.release(events);
        metrics.kafkaSend(System.nanoTime() - start, ar.succeeded());
        if (ar.succeeded()) {
            metrics.accepted(events);
            countRejected(ctx, batch);
            ctx.put(ACCEPTED, events);
            JsonResponses.send(ctx, 202, batch.result());
            return;
        }
        Throwable err = ar.cause();
        if (err instanceof PublishException p && p.reason() == PublishException.Reason.OVERLOADED) {
            ctx.fail(new ApiException(GatewayErrorCode.OVERLOADED, err.getMessage(), err));
            return;
        }
        readiness.markUnavailable(err.getMessage());
        ctx.fail(unavailable(err.getMessage(), err));
    }

    private static ApiException unavailable(String why, Throwable cause) {
        return new ApiException(
                GatewayErrorCode.KAFKA_UNAVAILABLE,
                why + "; none of this request's events may be counted as accepted, retry it",
                cause);
    }

    private void countRejected(RoutingContext ctx, CheckedBatch batch) {
        ctx.put(REJECTED, batch.rejected().size());
        batch.rejected().forEach(r -> metrics.rejected(r.error(), 1));
    }

    private void wholeBodyRejected(
            RoutingContext ctx, byte[] body, ApiException e, EventOrigin origin) {
        ctx.put(REJECTED, 1);
        metrics.rejected(EnvelopeError.INVALID_JSON, 1);
        deadLetters(
                List.of(
                        DeadLetter.of(
                                body,
                                0,
                                body.length,
                                null,
                                null,
                                EnvelopeError.INVALID_JSON,
                                e.getMessage())),
                origin);
    }

    /** Best effort: a failure is counted and logged, and never changes the answer. */
    private void deadLetters(List<DeadLetter> letters, EventOrigin origin) {
        if (letters.isEmpty()) {
            return;
        }
        publisher
                .publishDeadLetters(letters, origin)
                .onComplete(
                        ar -> {
                            if (ar.succeeded()) {
                                metrics.dlqWritten(letters.size());
                            } else {
                                metrics.dlqWriteFailed(letters.size());
                                LOG.warn(
                                        "{} rejected event(s) from '{}' not written to the DLQ: {}",
                                        letters.size(),
                                        origin.source(),
                                        ar.cause().getMessage());
                            }
                        });
    }
}
