package org.livepeer.analytics.launcher;

import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.configuration.Configuration;
import org.livepeer.analytics.clickhouse.schema.MigrationReport;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.gateway.GatewayVerticle;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.launcher.flink.EmbeddedFlinkJob;
import org.livepeer.analytics.launcher.flink.FlinkStateDirs;
import org.livepeer.analytics.processor.config.ProcessorConfig;
import org.livepeer.analytics.processor.metrics.LoopbackPrometheusReporter;
import org.livepeer.analytics.sse.SseVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every component of the pipeline in this process (README, docs/configuration.md): Kafka
 * in-process, ClickHouse as a child process, migrations, the Flink job on a MiniCluster, the
 * gateway and the SSE API on one Vert.x instance. {@link #close()} stops them in one order.
 */
final class EmbeddedPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPipeline.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final LauncherConfig config;
    private final Map<String, String> env;
    private final StatusLine status;
    private EmbeddedKafkaBroker kafka;
    private ClickHouseServerProcess clickhouse;
    private final AtomicBoolean closing = new AtomicBoolean();
    private EmbeddedFlinkJob job;
    private Vertx vertx;
    private GatewayVerticle gateway;
    private SseVerticle sse;
    private final Map<Deployable, String> deployments = new ConcurrentHashMap<>();

    EmbeddedPipeline(LauncherConfig config, Map<String, String> env, StatusLine status) {
        this.config = config;
        this.env = env;
        this.status = status;
    }

    /** Starts everything and returns once the gateway's /ready answers 200. */
    void start() throws Exception {
        AnalyticsHome.prepare(config.home());
        Credentials credentials = Credentials.loadOrCreate(config.home());
        kafka = status.step("kafka", this::startKafka, EmbeddedKafkaBroker::bootstrapServers);
        clickhouse =
                status.step(
                        "clickhouse",
                        () -> startClickHouse(credentials),
                        ClickHouseServerProcess::httpUrl);
        credentials.save(config.home(), clickhouse.httpUrl());
        status.step("migrations", this::migrate, r -> r.applied().size() + " applied");
        job =
                status.step(
                        "flink-job",
                        () -> startJob(credentials),
                        j -> "job " + j.jobId() + ", " + j.describeStart());
        vertx = Vertx.vertx();
        gateway =
                status.step(
                        "ingest-gateway",
                        () -> deploy(new GatewayVerticle(services(credentials).gateway())),
                        g -> url(g.actualPort()) + "/v1/events");
        sse =
                status.step(
                        "sse-api",
                        () -> deploy(new SseVerticle(services(credentials).sse())),
                        s -> url(s.actualPort()));
        status.step("ready", this::awaitGatewayReady, u -> u);
        printSummary(credentials);
    }

    private EmbeddedKafkaBroker startKafka() {
        EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.start(config.home().resolve("kafka"), config.kafkaPort());
        config.topics().createAll(broker);
        return broker;
    }

    private ClickHouseServerProcess startClickHouse(Credentials c) {
        ClickHouseServerSettings settings =
                ClickHouseServerSettings.forDataDir(config.home().resolve("clickhouse"))
                        .withPorts(config.clickHouseHttpPort(), config.clickHouseTcpPort())
                        .withPasswords(
                                c.clickHouseAdminPassword(),
                                c.clickHouseWriterPassword(),
                                c.clickHouseReaderPassword());
        if (!config.clickHouseBinary().isEmpty()) {
            settings = settings.withBinary(Path.of(config.clickHouseBinary()));
        }
        ClickHouseServerProcess server = ClickHouseServerProcess.start(settings);
        // close() stops it after the job's last flush; a hook of its own would race with that.
        server.leaveStopToCaller();
        return server;
    }

    private MigrationReport migrate() {
        return new Migrator(clickhouse.client(clickhouse.admin())).migrate();
    }

    private EmbeddedFlinkJob startJob(Credentials c) throws Exception {
        FlinkStateDirs dirs = FlinkStateDirs.under(config.home());
        EmbeddedFlinkJob.StateSettings state = EmbeddedFlinkJob.stateSettings(dirs);
        ProcessorConfig processor =
                services(c)
                        .processor(
                                clickhouse.httpUrl(), state.checkpointDir(), state.savepointDir());
        Configuration cluster = new Configuration();
        LoopbackPrometheusReporter.configure(cluster, config.host(), config.flinkMetricsPort());
        return EmbeddedFlinkJob.start(processor, dirs, cluster, READY_TIMEOUT);
    }

    private ServiceConfigs services(Credentials c) {
        return new ServiceConfigs(config, env, kafka.bootstrapServers(), c);
    }

    private <V extends Deployable> V deploy(V verticle) {
        deployments.put(verticle, vertx.deployVerticle(verticle).await());
        return verticle;
    }

    private String awaitGatewayReady() throws Exception {
        String ready = url(gateway.actualPort()) + "/ready";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ready)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(ready + " did not answer 200 in time");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return ready + " answered 200";
    }

    private void printSummary(Credentials secrets) {
        Path credentials = config.home().resolve(Credentials.USER_FILE);
        status.say("");
        status.say("livepeer-analytics is running. Ctrl-C stops everything.");
        status.say("  ingest:      POST " + url(gateway.actualPort()) + "/v1/events");
        status.say("  sse-api:     " + url(sse.actualPort()) + "/v1/live/metrics");
        status.say(
                "  dashboard:   " + url(sse.actualPort()) + "/?access_token=" + secrets.sseToken());
        status.say("  clickhouse:  " + clickhouse.httpUrl() + " (user reader)");
        status.say(
                "  metrics:     "
                        + url(gateway.actualPort())
                        + "/metrics (gateway), "
                        + url(config.flinkMetricsPort())
                        + "/metrics (processor)");
        status.say("  kafka:       " + kafka.bootstrapServers());
        status.say("  credentials: " + credentials + " (source it: . " + credentials + ")");
    }

    private String url(int port) {
        return "http://" + config.host() + ":" + port;
    }

    /**
     * Stops everything, one component after the other, each announced by a {@code [stop]} line: the
     * gateway first (it stops accepting and answers the requests in flight), then the Flink job
     * with a savepoint while ClickHouse and Kafka still run (the sink flushes into one, the offsets
     * come from the other), then the SSE API (its viewers see the job's metrics until the job
     * stops), ClickHouse and Kafka. Only the first call does anything.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (gateway != null) {
            stop(
                    "ingest-gateway",
                    () -> undeploy(gateway, "stopped accepting, requests in flight drained"));
        }
        if (job != null) {
            stop("flink-job", this::stopJob);
        }
        if (sse != null) {
            stop("sse-api", () -> undeploy(sse, "streams closed"));
        }
        if (vertx != null) {
            stop("vert.x", () -> vertx.close().await(30, TimeUnit.SECONDS), "closed");
        }
        if (clickhouse != null) {
            stop("clickhouse", clickhouse::close, "server exited");
        }
        if (kafka != null) {
            stop("kafka", kafka::close, "broker shut down");
        }
    }

    private String undeploy(Deployable verticle, String detail) throws Exception {
        String id = deployments.get(verticle);
        if (id != null) {
            vertx.undeploy(id).await(30, TimeUnit.SECONDS);
        }
        return detail;
    }

    private String stopJob() {
        return job.stop(STOP_TIMEOUT)
                .map(path -> "stopped with savepoint " + path)
                .orElse("cancelled; the next start resumes from the latest checkpoint");
    }

    private void stop(String component, Step step, String detail) {
        stop(
                component,
                () -> {
                    step.run();
                    return detail;
                });
    }

    /** Runs one stop step and prints "[stop] component detail (1.2 s)" or why it failed. */
    private void stop(String component, Callable<String> step) {
        long started = System.nanoTime();
        try {
            String detail = step.call();
            status.say(
                    String.format(
                            "[stop] %-14s %s (%.1f s)",
                            component, detail, (System.nanoTime() - started) / 1e9));
        } catch (Exception e) {
            status.say(String.format("[stop] %-14s did not stop cleanly: %s", component, e));
            LOG.warn("{} did not stop cleanly", component, e);
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
