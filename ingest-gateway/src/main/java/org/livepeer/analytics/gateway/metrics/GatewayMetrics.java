package org.livepeer.analytics.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.livepeer.analytics.http.ConnectionGuard;

/**
 * The gateway's Prometheus metrics, one registry per gateway (not the global one, so several
 * gateways in one JVM, as in tests, keep their own counts). Names carry the {@code gateway_}
 * prefix; docs/ingest-api.md lists them.
 */
public final class GatewayMetrics implements ConnectionGuard.Listener {

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter accepted =
            Counter.builder("gateway.events.accepted")
                    .description("Events Kafka acknowledged")
                    .register(registry);
    private final DistributionSummary requestBytes =
            DistributionSummary.builder("gateway.request.bytes")
                    .description("Request body size after decompression")
                    .baseUnit("bytes")
                    .register(registry);
    private final Counter rateLimited =
            Counter.builder("gateway.rate.limited.requests")
                    .description("Requests refused with 429 by the per-key rate limit")
                    .register(registry);
    private final Counter dlqWritten =
            Counter.builder("gateway.dlq.records")
                    .description("Rejected envelopes acknowledged by the DLQ topic")
                    .register(registry);
    private final Counter dlqFailures =
            Counter.builder("gateway.dlq.write.failures")
                    .description("Rejected envelopes that could not be written to the DLQ topic")
                    .register(registry);
    private final Counter connectionsRefused =
            Counter.builder("gateway.http.connections.refused")
                    .description("Connections closed on arrival: the connection cap was reached")
                    .register(registry);
    private final Counter requestReadTimeouts =
            Counter.builder("gateway.http.request.read.timeouts")
                    .description("Connections closed because a request did not arrive in time")
                    .register(registry);

    /*
     * Meters with tags are looked up once per tag value and kept: building and registering a
     * meter on every request cost more than the rest of the request's metrics together.
     */
    private final Map<String, Counter> rejectedByCode = new ConcurrentHashMap<>();
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Timer kafkaAcknowledged = kafkaSendTimer("acknowledged");
    private final Timer kafkaFailed = kafkaSendTimer("failed");

    private record RequestKey(String method, String route, int status) {}

    /** Rejected events by error code. */
    public void rejected(String code, long events) {
        if (events > 0) {
            rejectedByCode
                    .computeIfAbsent(
                            code,
                            c ->
                                    Counter.builder("gateway.events.rejected")
                                            .description("Events refused, by error code")
                                            .tag("code", c)
                                            .register(registry))
                    .increment(events);
        }
    }

    public void accepted(long events) {
        accepted.increment(events);
    }

    public void requestBytes(long bytes) {
        requestBytes.record(bytes);
    }

    public void rateLimited() {
        rateLimited.increment();
    }

    public void dlqWritten(long records) {
        dlqWritten.increment(records);
    }

    public void dlqWriteFailed(long records) {
        dlqFailures.increment(records);
    }

    /** One HTTP request, from its first handler to the end of its response. */
    public void request(String method, String route, int status, long nanos) {
        requestTimers
                .computeIfAbsent(new RequestKey(method, route, status), this::requestTimer)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer requestTimer(RequestKey key) {
        return Timer.builder("gateway.request.duration")
                .description("Time from request arrival to the end of the response")
                .tags(
                        "method",
                        key.method(),
                        "route",
                        key.route(),
                        "status",
                        Integer.toString(key.status()))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** One request's batch of Kafka sends, until every event is acknowledged or one fails. */
    public void kafkaSend(long nanos, boolean succeeded) {
        (succeeded ? kafkaAcknowledged : kafkaFailed).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer kafkaSendTimer(String outcome) {
        return Timer.builder("gateway.kafka.send.duration")
                .description("Time until Kafka acknowledged all of a request's events")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public void refused() {
        connectionsRefused.increment();
    }

    @Override
    public void readTimedOut() {
        requestReadTimeouts.increment();
    }

    /** Registers the gauge of open client connections. */
    public void openConnections(Supplier<Number> connections) {
        Gauge.builder("gateway.http.connections", connections)
                .description("Client connections open")
                .register(registry);
    }

    /** Registers the gauge of events waiting for Kafka. */
    public void inflight(Supplier<Number> events) {
        Gauge.builder("gateway.kafka.inflight.events", events)
                .description("Events sent to Kafka and not yet acknowledged")
                .register(registry);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
