package org.livepeer.analytics.processor.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.metrics.CharacterFilter;
import org.apache.flink.metrics.LogicalScopeProvider;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every Flink metric of the embedded job in Prometheus' text format on {@code
 * http://<host>:<port>/metrics}, bound to one address (loopback by default). Flink's own Prometheus
 * reporter listens on every interface, which the embedded default must not do. Names follow Flink's
 * reporter ({@code flink_<logical scope>_<metric>}); the scope variables ({@code job_name}, {@code
 * operator_name}, {@code subtask_index}, …) become labels.
 */
public final class LoopbackPrometheusReporter implements MetricReporter {

    static final String HOST = "host";
    static final String PORT = "port";
    static final int DEFAULT_PORT = 9249;

    private static final Logger LOG = LoggerFactory.getLogger(LoopbackPrometheusReporter.class);
    private static final Pattern INVALID = Pattern.compile("[^a-zA-Z0-9_]");
    private static final CharacterFilter FILTER = s -> INVALID.matcher(s).replaceAll("_");

    private static final String NAME = "loopback";

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<Metric, List<Meter>> meters = new IdentityHashMap<>();
    private HttpServer server;

    @Override
    public void open(MetricConfig config) {
        String host = config.getString(HOST, "127.0.0.1");
        int port = config.getInteger(PORT, DEFAULT_PORT);
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve Flink metrics on " + host + ":" + port, e);
        }
        server.createContext(
                "/metrics",
                exchange -> {
                    byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders()
                            .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.start();
        LOG.info("Flink metrics on http://{}:{}/metrics", host, server.getAddress().getPort());
    }

    /**
     * Adds this reporter to a cluster's configuration (the embedded MiniCluster's): metrics served
     * on {@code http://<host>:<port>/metrics}.
     */
    public static void configure(Configuration cluster, String host, int port) {
        Configuration reporter = MetricOptions.forReporter(cluster, NAME);
        reporter.set(
                MetricOptions.REPORTER_FACTORY_CLASS,
                LoopbackPrometheusReporterFactory.class.getName());
        reporter.set(ConfigOptions.key(HOST).stringType().noDefaultValue(), host);
        // Reporter settings reach it as strings (MetricConfig is a Properties).
        reporter.set(ConfigOptions.key(PORT).stringType().noDefaultValue(), Integer.toString(port));
    }

    /** The port the metrics are served on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        registry.close();
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        String name =
                "flink_"
                        + LogicalScopeProvider.castFrom(group).getLogicalScope(FILTER, '_')
                        + "_"
                        + FILTER.filterCharacters(metricName);
        Tags tags = tags(group.getAllVariables());
        List<Meter> added = new ArrayList<>();
        try {
            register(metric, name, tags, added);
        } catch (IllegalArgumentException e) {
            // Same name with other labels (a few Flink metrics collide): that one is not exported.
            LOG.debug("metric {} not exported: {}", name, e.getMessage());
        }
        synchronized (meters) {
            meters.put(metric, added);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        List<Meter> removed;
        synchronized (meters) {
            removed = meters.remove(metric);
        }
        if (removed != null) {
            removed.forEach(registry::remove);
        }
    }

    private void register(Metric metric, String name, Tags tags, List<Meter> added) {
        for (FlinkReadings.Reading r : FlinkReadings.of(metric)) {
            String series = name + r.suffix();
            added.add(
                    r.counter()
                            ? FunctionCounter.builder(series, metric, r.value())
                                    .tags(tags)
                                    .register(registry)
                            : Gauge.builder(series, metric, r.value())
                                    .tags(tags)
                                    .register(registry));
        }
    }

    private static Tags tags(Map<String, String> variables) {
        List<Tag> tags = new ArrayList<>(variables.size());
        variables.forEach(
                (key, value) ->
                        tags.add(
                                Tag.of(
                                        FILTER.filterCharacters(key.replaceAll("[<>]", "")),
                                        value == null ? "" : value)));
        return Tags.of(tags);
    }
}
