package org.livepeer.analytics.bench.sse;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.livepeer.analytics.bench.ProcessCpu;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.sse.SseVerticle;
import org.livepeer.analytics.sse.config.SseConfig;

/**
 * Many concurrent SSE clients on one sse-api instance on loopback: an in-process broker and the SSE
 * verticle in this JVM, N plain-socket clients reading {@code /v1/live/metrics} in a child JVM
 * ({@link SseBenchClients}: a process may hold only {@code ulimit -n} sockets, 20,000 here, and
 * 10,000 connections need 10,000 on each side). Each message carries its Kafka record timestamp;
 * the latency is receipt time minus that timestamp. One uncounted warm-up run at the largest count
 * comes first; the clients' JVM gets this JVM's collector flag.
 *
 * <p>Usage: {@code SseFanoutBench [clients,...] [runs] [messages] [intervalMs]}, e.g. {@code
 * 100,10000 3 20 250}. The first client count is the baseline.
 */
public final class SseFanoutBench {

    private static final String TOKEN = "bench";
    private static final String TOPIC = "live-metrics";

    private SseFanoutBench() {}

    public static void main(String[] args) throws Exception {
        String[] counts = (args.length > 0 ? args[0] : "100,10000").split(",");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long intervalMs = args.length > 3 ? Long.parseLong(args[3]) : 200;
        Path dir = Files.createTempDirectory("sse-bench-kafka-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
            broker.createTopic(TOPIC, 1, Map.of());
            broker.createTopic("streaming-events", 1, Map.of());
            Vertx server = Vertx.vertx();
            SseVerticle sse = new SseVerticle(config(broker));
            server.deployVerticle(sse).await(30, TimeUnit.SECONDS);
            waitReady(server, sse.actualPort());
            try (KafkaProducer<String, String> producer = producer(broker)) {
                // A long-running server has compiled its write path; the first run after start
                // would measure the JIT instead. One uncounted run at the largest count first.
                int largest =
                        Arrays.stream(counts)
                                .mapToInt(c -> Integer.parseInt(c.trim()))
                                .max()
                                .orElse(0);
                Result warm = runOnce(sse.actualPort(), producer, largest, messages, intervalMs);
                System.out.printf(
                        "warm-up (not counted): clients=%d p99=%.1fms%n", largest, warm.p99Ms);
                for (String c : counts) {
                    int clients = Integer.parseInt(c.trim());
                    for (int run = 1; run <= runs; run++) {
                        Result r =
                                runOnce(sse.actualPort(), producer, clients, messages, intervalMs);
                        System.out.printf(
                                "clients=%d run=%d delivered=%d/%d complete=%d/%d p50=%.1fms"
                                        + " p99=%.1fms max=%.1fms connect=%.1fs"
                                        + " cpu(server=%.1fs clients=%.1fs) load=%s%n",
                                clients,
                                run,
                                r.delivered,
                                (long) clients * messages,
                                r.complete,
                                clients,
                                r.p50Ms,
                                r.p99Ms,
                                r.maxMs,
                                r.connectS,
                                r.serverCpuMs / 1000.0,
                                r.clientCpuMs / 1000.0,
                                loadAverage());
                    }
                }
            } finally {
                server.close().await(60, TimeUnit.SECONDS);
            }
        }
        System.exit(0);
    }

    record Result(
            long delivered,
            double p50Ms,
            double p99Ms,
            double maxMs,
            double connectS,
            long complete,
            long serverCpuMs,
            long clientCpuMs) {}

    /** The 1-minute load average, to judge how busy the machine was. */
    private static String loadAverage() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Starts the clients' JVM, waits for READY, produces, and reads its RESULT line. */
    private static Result runOnce(
            int port,
            KafkaProducer<String, String> producer,
            int clients,
            int messages,
            long intervalMs)
            throws Exception {
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx1g",
                                gcFlag(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                SseBenchClients.class.getName(),
                                String.valueOf(port),
                                String.valueOf(clients),
                                String.valueOf(messages),
                                TOKEN)
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            if (ready == null || !ready.equals("READY " + clients)) {
                throw new IllegalStateException("clients did not all connect: " + ready);
            }
            long cpu0 = ProcessCpu.nanos();
            for (int i = 0; i < messages; i++) {
                long ts = System.currentTimeMillis();
                producer.send(
                        new ProducerRecord<>(
                                TOPIC,
                                null,
                                ts,
                                null,
                                "{\"scope\":\"network\",\"key\":\"\",\"seq\":"
                                        + i
                                        + ",\"ts\":"
                                        + ts
                                        + "}"));
                Thread.sleep(intervalMs);
            }
            String line = out.readLine();
            long serverCpuMs = (ProcessCpu.nanos() - cpu0) / 1_000_000;
            if (line == null || !line.startsWith("RESULT ")) {
                throw new IllegalStateException("clients ended without a result: " + line);
            }
            String[] r = line.split(" ");
            return new Result(
                    Long.parseLong(r[1]),
                    Double.parseDouble(r[2]),
                    Double.parseDouble(r[3]),
                    Double.parseDouble(r[4]),
                    Double.parseDouble(r[5]),
                    Long.parseLong(r[6]),
                    serverCpuMs,
                    Long.parseLong(r[7]));
        } finally {
            p.waitFor(60, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
    }

    /**
     * The collector this JVM was started with (e.g. {@code -XX:+UseParallelGC}), for the clients'
     * JVM too, so that one flag sets both sides; G1, the JDK default, otherwise.
     */
    private static String gcFlag() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:+Use") && a.endsWith("GC"))
                .findFirst()
                .orElse("-XX:+UseG1GC");
    }

    private static SseConfig config(EmbeddedKafkaBroker broker) {
        return SseConfig.fromEnv(
                Map.of(
                        "SSE_PORT",
                        "0",
                        "SSE_TOKEN",
                        TOKEN,
                        "KAFKA_BOOTSTRAP_SERVERS",
                        broker.bootstrapServers(),
                        "SSE_MAX_CLIENTS",
                        "30000"));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker broker) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "1",
                        ProducerConfig.LINGER_MS_CONFIG,
                        0),
                new StringSerializer(),
                new StringSerializer());
    }

    private static void waitReady(Vertx vertx, int port) throws Exception {
        HttpClient c = vertx.createHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            int status =
                    c.request(HttpMethod.GET, port, "127.0.0.1", "/ready")
                            .compose(r -> r.send())
                            .map(r -> r.statusCode())
                            .otherwise(503)
                            .await();
            if (status == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("sse-api not ready");
    }
}
