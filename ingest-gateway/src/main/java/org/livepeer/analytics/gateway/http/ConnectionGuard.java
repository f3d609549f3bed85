package org.livepeer.analytics.gateway.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.livepeer.analytics.gateway.config.ConnectionLimits;
import org.livepeer.analytics.gateway.metrics.GatewayMetrics;

/**
 * Keeps slow and surplus clients from holding connections (docs/ingest-api.md, "Connections"):
 * closes a connection beyond the cap as soon as it is accepted, and one whose request does not
 * arrive whole within the read timeout. Idle connections are Vert.x's idle timeout's business.
 *
 * <p>Shared by the gateway's servers; each connection's deadline lives on its event loop.
 */
public final class ConnectionGuard {

    private final Vertx vertx;
    private final ConnectionLimits limits;
    private final GatewayMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<HttpConnection, Deadline> deadlines = new ConcurrentHashMap<>();

    public ConnectionGuard(Vertx vertx, ConnectionLimits limits, GatewayMetrics metrics) {
        this.vertx = vertx;
        this.limits = limits;
        this.metrics = metrics;
        metrics.openConnections(open::get);
    }

    /** A connection was accepted: refuse it over the cap, else start its first request's clock. */
    public void connected(HttpConnection connection) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            metrics.connectionRefused();
            connection.close();
            return;
        }
        Deadline deadline = new Deadline(connection);
        deadlines.put(connection, deadline);
        connection.closeHandler(
                v -> {
                    open.decrementAndGet();
                    deadlines.remove(connection);
                    deadline.cancel();
                });
        deadline.arm(limits.requestReadTimeoutMs());
    }

    /**
     * A request's headers arrived; the clock keeps running until its body has arrived too. False
     * for a request on a connection this guard refused or already closed: it must not be served.
     */
    public boolean requestArrived(HttpServerRequest request) {
        Deadline deadline = deadlines.get(request.connection());
        if (deadline == null) {
            request.connection().close();
            return false;
        }
        deadline.current = request;
        request.end().onSuccess(v -> deadline.requestRead(request));
        return true;
    }

    /** One connection's clock; touched only on its event loop. */
    private final class Deadline {

        private final HttpConnection connection;
        private HttpServerRequest current;
        private long timer = -1;

        Deadline(HttpConnection connection) {
            this.connection = connection;
        }

        void arm(long ms) {
            cancel();
            timer = vertx.setTimer(ms, id -> expired());
        }

        void cancel() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }

        /** The next request may wait for the idle timeout, then must arrive in the read timeout. */
        void requestRead(HttpServerRequest request) {
            if (current == request) {
                arm(limits.idleTimeoutMs() + limits.requestReadTimeoutMs());
            }
        }

        private void expired() {
            timer = -1;
            if (current != null && current.isEnded() && !current.response().ended()) {
                // Read in time and still being answered (e.g. waiting for Kafka): not slow.
                arm(limits.requestReadTimeoutMs());
                return;
            }
            metrics.requestReadTimedOut();
            connection.close();
        }
    }
}
