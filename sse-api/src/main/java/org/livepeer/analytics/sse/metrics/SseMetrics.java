package org.livepeer.analytics.sse.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.livepeer.analytics.http.ConnectionGuard;

/**
 * The SSE API's Prometheus meters, one registry per instance (so several in one JVM, as in tests,
 * keep their own counts), summed over the event loops; docs/live-metrics.md lists them. Tags take
 * fixed values only, never a method, path or token a client sent.
 */
public final class SseMetrics implements ConnectionGuard.Listener {

    /** Why a connection or stream was refused: the {@code reason} of the rejected counter. */
    public enum Rejection {
        UNAUTHORIZED("unauthorized"),
        LIMIT("limit"),
        NOT_READY("not_ready"),
        CONNECTION_LIMIT("connection_limit"),
        METHOD_NOT_ALLOWED("method_not_allowed"),
        METHOD_NOT_IMPLEMENTED("method_not_implemented");

        private final String tag;

        Rejection(String tag) {
            this.tag = tag;
        }
    }

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);
    private final Counter readTimeouts =
            registry.counter("sse_connections_closed_total", "reason", "request_read_timeout");

    public SseMetrics() {
        for (Rejection r : Rejection.values()) {
            rejected.put(r, registry.counter("sse_connections_rejected_total", "reason", r.tag));
        }
    }

    /** A connection or stream was refused. */
    public void rejected(Rejection reason) {
        rejected.get(reason).increment();
    }

    @Override
    public void refused() {
        rejected(Rejection.CONNECTION_LIMIT);
    }

    @Override
    public void readTimedOut() {
        readTimeouts.increment();
    }

    /** Registers the gauge of open TCP connections. */
    public void openConnections(Supplier<Number> connections) {
        Gauge.builder("sse_connections", connections)
                .description("open TCP connections")
                .register(registry);
    }

    /** The meters of one stream ({@code metrics} or {@code events}). */
    public Stream stream(String name) {
        return new Stream(name);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        registry.close();
    }

    /** One stream's meters; thread-safe. */
    public final class Stream {

        private final Counter records;
        private final Counter delivered;
        private final Counter overflows;
        private final Counter gaps;
        private final AtomicInteger clients = new AtomicInteger();
        private final LongAdder pendingBytes = new LongAdder();

        private Stream(String stream) {
            records = registry.counter("sse_records_total", "stream", stream);
            delivered = registry.counter("sse_messages_delivered_total", "stream", stream);
            overflows =
                    registry.counter(
                            "sse_clients_dropped_total", "stream", stream, "reason", "overflow");
            gaps = registry.counter("sse_tail_gaps_total", "stream", stream);
            Gauge.builder("sse_clients", clients, AtomicInteger::get)
                    .tag("stream", stream)
                    .description("open SSE connections")
                    .register(registry);
            Gauge.builder("sse_pending_bytes", pendingBytes, LongAdder::sum)
                    .tag("stream", stream)
                    .description("bytes held for clients and not yet taken by their sockets")
                    .register(registry);
        }

        /** Records read from the topic. */
        public void records(long n) {
            records.increment(n);
        }

        /** Messages written (or queued) to clients. */
        public void delivered(long messages) {
            delivered.increment(messages);
        }

        /** A client was dropped for falling behind. */
        public void overflowed() {
            overflows.increment();
        }

        /** The tail skipped records that are gone from the log. */
        public void gap() {
            gaps.increment();
        }

        public void joined() {
            clients.incrementAndGet();
        }

        public void left() {
            clients.decrementAndGet();
        }

        /** Open streams; the fan-out routes batches only while there are any. */
        public int clients() {
            return clients.get();
        }

        /** Bytes held for clients grew (or, negative, shrank) by {@code delta}. */
        public void pendingBytes(long delta) {
            pendingBytes.add(delta);
        }
    }
}
