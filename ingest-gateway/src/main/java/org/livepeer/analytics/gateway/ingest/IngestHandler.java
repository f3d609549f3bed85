package org.livepeer.analytics.gateway.ingest;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.livepeer.analytics.gateway.auth.BearerAuthHandler;
import org.livepeer.analytics.gateway.http.ApiException;
import org.livepeer.analytics.gateway.http.ErrorCode;
import org.livepeer.analytics.gateway.http.JsonResponses;
import org.livepeer.analytics.gateway.publish.EventOrigin;
import org.livepeer.analytics.gateway.publish.EventPublisher;

/**
 * {@code POST /v1/events}: splits the body, checks every envelope, and answers {@code 202} only
 * after Kafka acknowledged every accepted event ({@code 400} when none was accepted, {@code 503}
 * when Kafka did not acknowledge). Parsing is CPU work bounded by the body limit, so it runs on the
 * event loop; only the Kafka sends leave it.
 */
public final class IngestHandler implements Handler<RoutingContext> {

    /** Routing-context key holding the request's {@link BodyFormat}. */
    static final String FORMAT = "ingest.format";

    private final EventPublisher publisher;
    private final int maxEvents;

    public IngestHandler(EventPublisher publisher, int maxEvents) {
        this.publisher = publisher;
        this.maxEvents = maxEvents;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long receivedAt = System.currentTimeMillis();
        BodyFormat format = ctx.get(FORMAT);
        Buffer buffer = ctx.body().buffer();
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        CheckedBatch batch;
        try {
            List<RawEvent> events = format.split(body, maxEvents);
            batch = EventChecker.check(body, events);
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        if (batch.accepted().isEmpty()) {
            JsonResponses.send(ctx, 400, batch.result());
            return;
        }
        EventOrigin origin = new EventOrigin(ctx.get(BearerAuthHandler.SOURCE), receivedAt);
        publisher
                .publish(batch.accepted(), origin)
                .onSuccess(v -> JsonResponses.send(ctx, 202, batch.result()))
                .onFailure(
                        err ->
                                ctx.fail(
                                        new ApiException(
                                                ErrorCode.KAFKA_UNAVAILABLE,
                                                err.getMessage()
                                                        + "; none of this request's events may be"
                                                        + " counted as accepted, retry it",
                                                err)));
    }
}
