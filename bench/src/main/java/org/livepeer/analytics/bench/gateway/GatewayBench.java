package org.livepeer.analytics.bench.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.livepeer.analytics.gateway.GatewayVerticle;
import org.livepeer.analytics.gateway.config.GatewayConfig;
import org.livepeer.analytics.gateway.publish.PublisherFactory;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingest gateway benchmark on loopback: this JVM holds an in-process KRaft broker and one gateway
 * per target (publishing to Kafka with given producer settings, or with a no-op publisher as the
 * same-run baseline); each run of the generator runs in a child JVM ({@link LoadProcess}). A run
 * asks a fixed rate (open model) or keeps a number of connections busy (closed loop); results go to
 * stdout, then a markdown table of medians.
 *
 * <pre>
 * java -cp ... org.livepeer.analytics.bench.gateway.GatewayBench \
 *     --form single --rates 5000,15000 --duration 10 --warmup 3 --runs 3
 * java -cp ... org.livepeer.analytics.bench.gateway.GatewayBench --model closed \
 *     --form single --concurrency 1,16,64,256 --targets linger5,linger0,kafka --baseline linger5
 * </pre>
 */
public final class GatewayBench {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayBench.class);
    private static final String KEY = "bench-key-0123456789";
    private static final String TOPIC = "streaming-events";

    private GatewayBench() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Path dir = Files.createTempDirectory("gateway-bench");
        int status = 0;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
            broker.createTopic(TOPIC, 3, Map.of());
            broker.createTopic("streaming-events-dlq", 1, Map.of());
            List<RunResult> results = run(options, broker);
            if (!results.isEmpty()) {
                System.out.println(ResultTable.markdown(options, results));
            }
        } catch (RuntimeException e) {
            LOG.error("Benchmark failed", e);
            status = 1;
        } finally {
            deleteQuietly(dir);
        }
        // Kafka and Vert.x threads are not daemons.
        System.exit(status);
    }

    private static List<RunResult> run(BenchOptions options, EmbeddedKafkaBroker broker)
            throws Exception {
        // One Vert.x per gateway: within one, every server on port 0 shares one random port
        // (GatewayVerticle), and the targets' connections would be spread over all gateways.
        List<Vertx> servers = new ArrayList<>();
        try {
            Map<String, Integer> ports = new HashMap<>();
            for (String target : options.targets()) {
                Vertx server = Vertx.vertx();
                servers.add(server);
                ports.put(target, deploy(server, broker, target, options.eventLoops()));
            }
            if (options.serveS() > 0) {
                serve(ports, options.serveS());
                return List.of();
            }
            LoadProcess generator = new LoadProcess(KEY, options.connections());
            // Open model: the lowest rate (all of it sustained); closed loop: the most connections.
            int prewarmLoad =
                    options.model() == LoadModel.OPEN
                            ? options.rates().stream().min(Integer::compare).orElseThrow()
                            : options.concurrency().stream().max(Integer::compare).orElseThrow();
            for (String target : options.targets()) {
                if (options.prewarmS() > 0) {
                    RunResult warm =
                            generator.run(
                                    target,
                                    ports.get(target),
                                    options.form(),
                                    options.model(),
                                    prewarmLoad,
                                    0,
                                    options.prewarmS());
                    System.out.println("prewarm (not counted): " + warm.line());
                }
            }
            List<RunResult> results = new ArrayList<>();
            for (int run = 1; run <= options.runs(); run++) {
                for (int load : options.loads()) {
                    for (String target : options.targets()) {
                        RunResult result =
                                generator.run(
                                        target,
                                        ports.get(target),
                                        options.form(),
                                        options.model(),
                                        load,
                                        options.warmupS(),
                                        options.durationS());
                        System.out.println("run " + run + ": " + result.line());
                        results.add(result);
                    }
                }
            }
            return results;
        } finally {
            for (Vertx server : servers) {
                server.close().await(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Keeps the gateways up for an external load generator (e.g. wrk), printing their URLs. */
    private static void serve(Map<String, Integer> ports, int seconds) {
        ports.forEach(
                (target, port) ->
                        System.out.println(
                                "SERVING " + target + " http://127.0.0.1:" + port + "/v1/events"));
        System.out.println("SERVING key " + KEY + " for " + seconds + " s");
        System.out.flush();
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(seconds));
    }

    private static int deploy(
            Vertx vertx, EmbeddedKafkaBroker broker, String target, int eventLoops)
            throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_PORT", "0");
        env.put("INGEST_API_KEYS", "bench:" + KEY);
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("EVENTS_TOPIC", TOPIC);
        // slf4j-simple writes synchronously to stderr; see docs/benchmarks.md.
        env.put("GATEWAY_ACCESS_LOG", "false");
        env.put("GATEWAY_EVENT_LOOPS", Integer.toString(eventLoops));
        PublisherFactory publishers;
        if (BenchOptions.NOOP.equals(target)) {
            publishers = (v, c) -> Future.succeededFuture(new NoopPublisher());
        } else {
            env.putAll(BenchOptions.producerEnv(target));
            publishers = PublisherFactory.kafka();
        }
        GatewayVerticle gateway = new GatewayVerticle(GatewayConfig.fromEnv(env), publishers);
        vertx.deployVerticle(gateway).await(60, TimeUnit.SECONDS);
        awaitReady(vertx, gateway.actualPort());
        return gateway.actualPort();
    }

    private static void awaitReady(Vertx vertx, int port) throws Exception {
        HttpClient probe = vertx.createHttpClient();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                int status =
                        probe.request(HttpMethod.GET, port, "127.0.0.1", "/ready")
                                .compose(r -> r.send())
                                .map(r -> r.statusCode())
                                .await(10, TimeUnit.SECONDS);
                if (status == 200) {
                    return;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            throw new IllegalStateException("gateway on port " + port + " never became ready");
        } finally {
            probe.close();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
