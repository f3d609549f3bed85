package org.livepeer.analytics.sse.stream;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.livepeer.analytics.sse.fanout.Hub;
import org.livepeer.analytics.sse.fanout.Routed;
import org.livepeer.analytics.sse.fanout.SseFrames;
import org.livepeer.analytics.sse.fanout.Subscriber;
import org.livepeer.analytics.sse.source.Replay;
import org.livepeer.analytics.sse.source.Replayer;
import org.livepeer.analytics.sse.source.ResumeToken;
import org.livepeer.analytics.sse.source.TailRecord;

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
    private final Subscriber.Limits limits;

    public LiveEndpoint(
            Vertx vertx,
            Hub hub,
            Replayer replayer,
            Function<MultiMap, Predicate<Routed>> filters,
            Subscriber.Limits limits) {
        this.vertx = vertx;
        this.hub = hub;
        this.replayer = replayer;
        this.filters = filters;
        this.limits = limits;
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
                new Subscriber(vertx, response, ctx.request().connection(), filter, limits, hub);
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
            sub.sendNow(
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
                        ar ->
                                sub.endReplay(
                                        ar.succeeded()
                                                ? frames(filter, ar.result(), until)
                                                : List.of(
                                                        gapFrame(
                                                                until,
                                                                "replay_failed",
                                                                ar.cause().toString()))));
    }

    /**
     * The replay's frames; a replay larger than a client may hold becomes a {@code too_far_behind}
     * gap (the client continues live) rather than an overflow it would hit again on every resume.
     */
    private List<Buffer> frames(Predicate<Routed> filter, Replay replay, Map<Integer, Long> until) {
        List<Buffer> out = new ArrayList<>();
        for (Replay.Gap gap : replay.gaps()) {
            out.add(SseFrames.message(gap.token(), "gap", SseFrames.gapFields(gap).encode()));
        }
        long bytes = 0;
        for (TailRecord r : replay.records()) {
            Routed m = hub.route(r);
            if (filter.test(m)) {
                out.add(m.frame());
                bytes += m.frame().length();
                if (bytes > limits.bytes()) {
                    return List.of(
                            gapFrame(until, "too_far_behind", "the replay exceeds the buffer"));
                }
            }
        }
        return out;
    }

    private static Buffer gapFrame(Map<Integer, Long> until, String reason, String why) {
        long[] position = new long[until.size()];
        until.forEach((p, next) -> position[p] = next - 1);
        return SseFrames.message(
                ResumeToken.format(position),
                "gap",
                new JsonObject().put("reason", reason).put("message", why).encode());
    }
}
