package org.livepeer.analytics.gateway.health;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.function.Supplier;
import org.livepeer.analytics.http.health.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a probe every interval whether Kafka is reachable and keeps the answer, so {@code /ready}
 * answers from memory without waiting on Kafka. Not ready until the first probe succeeds. State
 * changes are logged once, not every check.
 */
public final class ReadinessMonitor implements Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessMonitor.class);

    private final Vertx vertx;
    private final Supplier<Future<Void>> probe;
    private final long intervalMs;

    private volatile boolean ready;
    private volatile String reason = "Kafka not checked yet";
    private boolean checking;
    private boolean stopping;
    private long timerId = -1;

    public ReadinessMonitor(Vertx vertx, Supplier<Future<Void>> probe, long intervalMs) {
        this.vertx = vertx;
        this.probe = probe;
        this.intervalMs = intervalMs;
    }

    /** Checks now and then every interval; call on the verticle's context. */
    public void start() {
        check();
        timerId = vertx.setPeriodic(intervalMs, id -> check());
    }

    public void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    public boolean ready() {
        return ready;
    }

    /**
     * Marks Kafka unreachable now (a send just failed), so requests take the fast 503 path until
     * the next successful probe; called on the event loop.
     */
    public void markUnavailable(String why) {
        if (ready) {
            LOG.warn("Kafka unreachable: not ready (a send failed: {})", why);
        }
        reason = "Kafka unreachable: " + why;
        ready = false;
    }

    /** Reports not ready from now on: the gateway is shutting down. */
    public void markStopping() {
        stop();
        reason = "shutting down";
        ready = false;
        stopping = true;
    }

    @Override
    public Optional<String> notReadyBecause() {
        // Read once: the reason may change between two reads.
        String why = reason;
        return ready ? Optional.empty() : Optional.of(why);
    }

    /** Why the gateway is not ready (meaningless when it is). */
    public String reason() {
        return reason;
    }

    private void check() {
        if (checking) {
            return;
        }
        checking = true;
        probe.get()
                .onComplete(
                        ar -> {
                            checking = false;
                            if (stopping) {
                                return;
                            }
                            boolean nowReady = ar.succeeded();
                            if (nowReady != ready) {
                                logChange(nowReady, ar.cause());
                            }
                            reason = nowReady ? "" : "Kafka unreachable: " + message(ar.cause());
                            ready = nowReady;
                        });
    }

    private static void logChange(boolean nowReady, Throwable cause) {
        if (nowReady) {
            LOG.info("Kafka reachable: ready");
        } else {
            LOG.warn("Kafka unreachable: not ready ({})", message(cause));
        }
    }

    private static String message(Throwable cause) {
        return cause == null
                ? "unknown"
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
