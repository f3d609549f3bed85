package org.livepeer.analytics.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's Prometheus metrics, one registry per gateway (not the global one, so several
 * gateways in one JVM, as in tests, keep their own counts). Names carry the {@code gateway_}
 * prefix; docs/ingest-api.md lists them.
 */
public final class GatewayMetrics {

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

    /** Rejected events by error code. */
    public void rejected(String code, long events) {
        if (events > 0) {
            Counter.builder("gateway.events.rejected")
                    .description("Events refused, by error code")
                    .tag("code", code)
                    .register(registry)
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
        Timer.builder("gateway.request.duration")
                .description("Time from request arrival to the end of the response")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One request's batch of Kafka sends, until every event is acknowledged or one fails. */
    public void kafkaSend(long nanos, boolean succeeded) {
        Timer.builder("gateway.kafka.send.duration")
                .description("Time until Kafka acknowledged all of a request's events")
                .tag("outcome", succeeded ? "acknowledged" : "failed")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
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
