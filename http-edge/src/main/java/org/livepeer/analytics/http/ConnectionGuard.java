package org.livepeer.analytics.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps slow and surplus clients from holding connections (docs/ingest-api.md, "Connections";
 * docs/live-metrics.md, "Connections"), before any handler reads a request:
 *
 * <ul>
 *   <li>a cap on open connections, whatever they carry: one beyond it is closed as soon as it is
 *       accepted;
 *   <li>a read deadline: a request must arrive whole (headers and body) within the read timeout of
 *       the connection opening, or, on a kept-alive connection, within the idle timeout plus the
 *       read timeout of the previous response ending. While a request is being answered (waiting
 *       for Kafka, or an open event stream) no clock runs.
 * </ul>
 *
 * Connections without traffic either way are the HTTP server's idle timeout's business. One guard
 * serves every event loop of a service; each connection's deadline lives on its event loop.
 */
public final class ConnectionGuard {

    private final Vertx vertx;
    private final Limits limits;
    private final Listener listener;
    private final Slots connections;
    private final Map<HttpConnection, Deadline> deadlines = new ConcurrentHashMap<>();

    public ConnectionGuard(Vertx vertx, Limits limits, Listener listener) {
        this.vertx = vertx;
        this.limits = limits;
        this.listener = listener;
        this.connections = new Slots(limits.maxConnections());
    }

    /** Open connections, for a gauge. */
    public int open() {
        return connections.inUse();
    }

    /** The HTTP server's connection handler: refuses one over the cap, else starts its clock. */
    public void connected(HttpConnection connection) {
        if (!connections.tryAcquire()) {
            listener.refused();
            connection.close();
            return;
        }
        Deadline deadline = new Deadline(connection);
        deadlines.put(connection, deadline);
        connection.closeHandler(
                v -> {
                    deadlines.remove(connection);
                    deadline.cancel();
                    connections.release();
                });
        deadline.arm(limits.requestReadTimeoutMs());
    }

    /**
     * Installs the guard's request handler ahead of every route; install it before the other
     * handlers that run ahead of every route, so a refused connection's request reaches none.
     */
    public void install(Router router) {
        router.route().order(-1).handler(this::requestArrived);
    }

    /**
     * A request's headers arrived; the clock keeps running until its body has arrived too. A
     * request on a connection this guard refused or already closed is not served.
     */
    void requestArrived(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Deadline deadline = deadlines.get(request.connection());
        if (deadline == null) {
            request.connection().close();
            return;
        }
        deadline.current = request;
        request.end().onSuccess(v -> deadline.progress(request));
        ctx.addEndHandler(ar -> deadline.progress(request));
        ctx.next();
    }

    /**
     * @param maxConnections connections open at once
     * @param requestReadTimeoutMs time for a whole request to arrive
     * @param idleTimeoutMs the HTTP server's idle timeout: a kept-alive connection may wait this
     *     long before its next request starts
     */
    public record Limits(int maxConnections, long requestReadTimeoutMs, long idleTimeoutMs) {

        public Limits {
            if (maxConnections <= 0 || requestReadTimeoutMs <= 0 || idleTimeoutMs <= 0) {
                throw new IllegalArgumentException("connection limits must be positive");
            }
        }
    }

    /** What the guard did, for the service's metrics. Called on event loops. */
    public interface Listener {

        /** A connection was closed on arrival: the cap was reached. */
        void refused();

        /** A connection was closed because a request did not arrive in time. */
        void readTimedOut();
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

        /**
         * The request was read or its response ended: no clock while it is being answered; once
         * both, the next request may first idle. A response that ends before its request was read
         * leaves the read clock running.
         */
        void progress(HttpServerRequest request) {
            if (current != request || !request.isEnded()) {
                return;
            }
            if (request.response().ended()) {
                arm(limits.idleTimeoutMs() + limits.requestReadTimeoutMs());
            } else {
                cancel();
            }
        }

        private void expired() {
            timer = -1;
            listener.readTimedOut();
            connection.close();
        }
    }
}
