package org.livepeer.analytics.bench.drill;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.livepeer.analytics.bench.pipeline.GatewayOnlyProcess;
import org.livepeer.analytics.bench.pipeline.PipelineTopics;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.processor.config.ProcessorConfig;

/**
 * The pipeline of {@code ./analytics up}, its components held apart so that a drill can stop and
 * start each: the in-process KRaft broker with the launcher's topics, {@code clickhouse-server} as
 * a child process (migrated), the processor job on a MiniCluster of this JVM ({@link
 * FlinkCluster}), and the ingest gateway in a JVM of its own ({@link GatewayOnlyProcess}), all on
 * free loopback ports under a fresh home. Processor and gateway run with their defaults, except the
 * rollup refresh interval. No SSE API: no drill involves it.
 */
final class DrillPipeline implements AutoCloseable {

    private static final List<String> GATEWAY_JAVA_OPTS = List.of("-Xmx512m", "-XX:+UseParallelGC");

    private final Path home;
    private final String ingestKey = "drill-" + ClickHouseServerSettings.randomPassword();
    private EmbeddedKafkaBroker kafka;
    private ClickHouseServerSettings clickHouseSettings;
    private ClickHouseServerProcess clickhouse;
    private FlinkCluster flink;
    private GatewayOnlyProcess gateway;

    private DrillPipeline(Path home) {
        this.home = home;
    }

    static DrillPipeline start(Path home, long rollupRefreshMs) throws Exception {
        Files.createDirectories(home);
        DrillPipeline p = new DrillPipeline(home);
        try {
            p.kafka = EmbeddedKafkaBroker.start(home.resolve("kafka"), 0);
            PipelineTopics.createAll(p.kafka);
            p.clickhouse =
                    ClickHouseServerProcess.start(
                            ClickHouseServerSettings.forDataDir(home.resolve("clickhouse")));
            p.clickHouseSettings =
                    p.clickhouse
                            .settings()
                            .withPorts(p.clickhouse.httpPort(), p.clickhouse.tcpPort());
            new Migrator(p.clickhouse.client(p.clickhouse.admin())).migrate();
            p.flink = FlinkCluster.start(p.processorConfig(rollupRefreshMs), home.resolve("flink"));
            p.gateway = p.startGateway(0);
        } catch (Exception e) {
            p.close();
            throw e;
        }
        return p;
    }

    private ProcessorConfig processorConfig(long rollupRefreshMs) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("CLICKHOUSE_URL", clickhouse.httpUrl());
        env.put("CLICKHOUSE_WRITER_USER", ClickHouseServerSettings.WRITER_USER);
        env.put("CLICKHOUSE_WRITER_PASSWORD", clickHouseSettings.writerPassword());
        env.put("PROCESSOR_CHECKPOINT_DIR", home.resolve("flink/checkpoints").toUri().toString());
        env.put("PROCESSOR_ROLLUP_REFRESH_MS", Long.toString(rollupRefreshMs));
        return ProcessorConfig.fromEnv(env);
    }

    private GatewayOnlyProcess startGateway(int port) throws Exception {
        return GatewayOnlyProcess.start(
                Map.of(
                        "kafka", kafka.bootstrapServers(),
                        "key", ingestKey,
                        "port", Integer.toString(port)),
                home.resolve("gateway.err"),
                GATEWAY_JAVA_OPTS);
    }

    /** Stops {@code clickhouse-server} (SIGTERM, as a service stop does). */
    void stopClickHouse() {
        clickhouse.stop();
    }

    /** Starts {@code clickhouse-server} again on the same data directory, ports and users. */
    void startClickHouse() {
        clickhouse = ClickHouseServerProcess.start(clickHouseSettings);
    }

    /** Stops the broker (a clean shutdown; its log directory stays). */
    void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same log directory and port. */
    void startKafka() {
        kafka = EmbeddedKafkaBroker.start(kafka.dataDir(), kafka.port());
    }

    /** SIGKILL of the gateway's JVM, then a new gateway on the same port. */
    void killAndRestartGateway() throws Exception {
        int port = gateway.port();
        gateway.kill();
        gateway = startGateway(port);
    }

    FlinkCluster flink() {
        return flink;
    }

    int gatewayPort() {
        return gateway.port();
    }

    long gatewayPid() {
        return gateway.pid();
    }

    String ingestKey() {
        return ingestKey;
    }

    /** A read-only client; it reaches the server across its restarts (same port). */
    ClickHouseHttp reader() {
        return new ClickHouseHttp(clickhouse.httpUri(), clickHouseSettings.reader());
    }

    Path home() {
        return home;
    }

    @Override
    public void close() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (flink != null) {
            flink.close();
        }
        if (clickhouse != null) {
            clickhouse.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
