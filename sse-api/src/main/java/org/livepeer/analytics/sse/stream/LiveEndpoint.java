package org.livepeer.analytics.sse.stream;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.livepeer.analytics.sse.fanout.Hub;
import org.livepeer.analytics.sse.fanout.Routed;
import org.livepeer.analytics.sse.fanout.Subscriber;
import org.livepeer.analytics.sse.source.Replay;
import org.livepeer.analytics.sse.source.Replayer;
import org.livepeer.analytics.sse.source.ResumeToken;

/**
 * One live endpoint ({@code /v1/live/metrics} or {@code /v1/live/events}) on one event loop: opens
 * the event stream, registers the subscriber with that event loop's hub and, when the client
 * resumes, replays what it missed (up to the position the hub has sent) before the live messages
 * that queued meanwhile.
 */
public final class LiveEndpoint {

    private static final long RETRY_MS = 2_000;

    private final Vertx vertx;
    private final Hub hub;
    private final Replayer replayer;
    private final Function<MultiMap, Predicate<Routed>> filters;
    private final int bufferLimit;

    public LiveEndpoint(
            Vertx vertx,
            Hub hub,
            Replayer replayer,
            Function<MultiMap, Predicate<Routed>> filters,
            int bufferLimit) {
        this.vertx = vertx;
        this.hub = hub;
        this.replayer = replayer;
        this.filters = filters;
        this.bufferLimit = bufferLimit;
    }

    /**
     * Opens the stream; the caller has checked auth and readiness and taken a connection slot,
     * which the hub gives back when the subscriber leaves.
     */
    public void open(RoutingContext ctx, Predicate<Routed> filter) {
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no")
                .setWriteQueueMaxSize(64 * 1024);
        response.write(SseFrames.retry(RETRY_MS));
        Subscriber sub =
                new Subscriber(
                        vertx,
                        response,
                        ctx.request().connection(),
                        filter,
                        bufferLimit,
                        hub::overflowed);
        response.closeHandler(
                v -> {
                    sub.markClosed();
                    hub.remove(sub);
                });
        hub.add(sub);
        String resumeFrom = ctx.request().getHeader("Last-Event-ID");
        if (resumeFrom == null || resumeFrom.isBlank()) {
            resumeFrom = ctx.request().getParam("lastEventId");
        }
        if (resumeFrom != null && !resumeFrom.isBlank()) {
            resume(sub, filter, resumeFrom.trim());
        }
    }

    /** Parses the query's filters; throws IllegalArgumentException for bad values. */
    public Predicate<Routed> filter(RoutingContext ctx) {
        return filters.apply(ctx.request().params());
    }

    private void resume(Subscriber sub, Predicate<Routed> filter, String token) {
        Map<Integer, Long> until = hub.nextOffsets();
        Optional<Map<Integer, Long>> from = ResumeToken.parse(token);
        if (from.isEmpty()) {
            sub.sendReplayed(
                    SseFrames.message(
                            hub.currentToken(),
                            "gap",
                            new JsonObject()
                                    .put("reason", "invalid_token")
                                    .put("requested", token)
                                    .encode()));
            return;
        }
        sub.beginReplay();
        vertx.<Replay>executeBlocking(() -> replayer.read(from.get(), until), false)
                .onComplete(
                        ar -> {
                            if (ar.succeeded()) {
                                deliver(sub, filter, ar.result());
                            } else {
                                sub.sendReplayed(gapFrame(until, ar.cause().toString()));
                            }
                            sub.endReplay();
                        });
    }

    private void deliver(Subscriber sub, Predicate<Routed> filter, Replay replay) {
        for (Replay.Gap gap : replay.gaps()) {
            sub.sendReplayed(
                    SseFrames.message(
                            gap.token(),
                            "gap",
                            new JsonObject()
                                    .put("reason", gap.reason())
                                    .put("partition", gap.partition())
                                    .put("requested_offset", gap.requestedOffset())
                                    .put("resumed_offset", gap.resumedOffset())
                                    .encode()));
        }
        replay.records().stream()
                .map(hub::route)
                .filter(filter)
                .forEach(m -> sub.sendReplayed(m.frame()));
    }

    private static Buffer gapFrame(Map<Integer, Long> until, String why) {
        long[] position = new long[until.size()];
        until.forEach((p, next) -> position[p] = next - 1);
        return SseFrames.message(
                ResumeToken.format(position),
                "gap",
                new JsonObject().put("reason", "replay_failed").put("message", why).encode());
    }
}
