package org.livepeer.analytics.sse.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.IdentityHashMap;
import java.util.Map;
import org.livepeer.analytics.sse.config.SseConfig;
import org.livepeer.analytics.sse.fanout.ClientSlots;

/**
 * The instance's limits on TCP connections, before any request is read: a cap on open connections
 * (streams and plain requests alike; one beyond it is closed at once) and a deadline for each
 * request's headers, so connections that send half a request and stall are closed instead of
 * holding a socket each. The idle timeout itself is the HTTP server's ({@code setIdleTimeout}).
 * Thread-safe; each event loop uses its own {@link Shard}.
 */
public final class ConnectionGuard {

    private final long requestReadMs;
    private final long nextRequestMs;
    private final ClientSlots connections;
    private final Counter rejected;
    private final Counter timedOut;

    public ConnectionGuard(SseConfig.ClientLimits limits, MeterRegistry registry) {
        this.connections = new ClientSlots(limits.maxConnections());
        this.requestReadMs = limits.requestReadTimeoutMs();
        // Without seeing the next request's first byte, a kept-alive connection may first idle.
        this.nextRequestMs = limits.idleTimeoutMs() + limits.requestReadTimeoutMs();
        this.rejected =
                registry.counter("sse_connections_rejected_total", "reason", "connection_limit");
        this.timedOut =
                registry.counter("sse_connections_closed_total", "reason", "request_read_timeout");
        Gauge.builder("sse_connections", connections, ClientSlots::inUse)
                .description("open TCP connections")
                .register(registry);
    }

    /** The connections of one event loop. */
    public Shard shard(Vertx vertx) {
        return new Shard(vertx);
    }

    /** One event loop's connections and their header deadlines. Event loop only. */
    public final class Shard {

        /** Marks a connection whose request is being served: no deadline. */
        private static final long SERVING = -1;

        private final Vertx vertx;
        private final Map<HttpConnection, Long> deadlines = new IdentityHashMap<>();

        private Shard(Vertx vertx) {
            this.vertx = vertx;
        }

        /** The HTTP server's connection handler. */
        public void accept(HttpConnection conn) {
            if (!connections.tryAcquire()) {
                rejected.increment();
                conn.close();
                return;
            }
            conn.closeHandler(
                    v -> {
                        cancel(deadlines.remove(conn));
                        connections.release();
                    });
            deadlines.put(conn, deadline(conn, requestReadMs));
        }

        /**
         * The router's first handler: the headers are in, so the deadline stops; it starts again
         * for the next request when this response ends (a stream's ends only when it closes).
         */
        public void requestArrived(RoutingContext ctx) {
            HttpConnection conn = ctx.request().connection();
            if (deadlines.containsKey(conn)) {
                cancel(deadlines.put(conn, SERVING));
                ctx.addEndHandler(
                        ar -> {
                            if (deadlines.containsKey(conn)) {
                                cancel(deadlines.put(conn, deadline(conn, nextRequestMs)));
                            }
                        });
            }
            ctx.next();
        }

        private long deadline(HttpConnection conn, long ms) {
            return vertx.setTimer(
                    ms,
                    id -> {
                        if (deadlines.remove(conn) != null) {
                            timedOut.increment();
                            conn.close();
                        }
                    });
        }

        private void cancel(Long timer) {
            if (timer != null && timer != SERVING) {
                vertx.cancelTimer(timer);
            }
        }
    }
}
