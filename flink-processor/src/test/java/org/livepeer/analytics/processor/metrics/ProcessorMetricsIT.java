package org.livepeer.analytics.processor.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker;
import org.livepeer.analytics.processor.JobUnderTest;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.TestProducer;
import org.livepeer.analytics.testkit.WithClickHouse;
import org.livepeer.analytics.testkit.WithKafka;
import org.livepeer.analytics.testkit.flink.FlinkMiniCluster;

/**
 * The job's metrics in Prometheus' format on the loopback endpoint the embedded default uses:
 * records in and out, dead letters by error class, sink rows and batch latency, checkpoints,
 * restarts and the Kafka consumer's lag.
 */
@WithKafka
@WithClickHouse
class ProcessorMetricsIT {

    private static final int PORT = freePort();
    private static final String TOPIC = "metrics-events";

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkMiniCluster.extension(withReporter());

    @Test
    void theJobsMetricsAreServedForPrometheusOnLoopback(
            EmbeddedKafkaBroker kafka, ClickHouseTestServer clickhouse, @TempDir Path checkpoints)
            throws Exception {
        kafka.createTopic(TOPIC, 3, Map.of());
        JobClient job =
                JobUnderTest.on(kafka.bootstrapServers(), TOPIC, clickhouse.process(), checkpoints)
                        .with("LIVE_METRICS_ENABLED", "false")
                        .start();
        try (TestProducer producer = TestProducer.connect(kafka)) {
            for (String bad :
                    List.of(
                            "{not json",
                            "{\"id\":\"m-1\",\"type\":\"no_such_type\",\"timestamp\":1767225600000,"
                                    + "\"data\":{}}",
                            "{\"id\":\"m-2\",\"type\":\"stream_trace\",\"timestamp\":1767225600000,"
                                    + "\"data\":{\"type\":7}}")) {
                producer.send(TOPIC, bad);
            }
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> clickhouse.countRows("streaming_events_dlq") >= 3);
            await().atMost(Duration.ofSeconds(60))
                    .ignoreExceptions()
                    .until(
                            () ->
                                    value(
                                                    scrape(),
                                                    "flink_jobmanager_job_numberOfCompletedCheckpoints")
                                            >= 1);
            String metrics = scrape();
            assertTrue(value(metrics, "flink_taskmanager_job_task_operator_numRecordsIn") >= 3);
            for (String errorClass :
                    List.of("invalid_json", "unknown_event_type", "missing_field")) {
                assertTrue(
                        metrics.contains(
                                "flink_taskmanager_job_task_operator_error_type_deadLetters_total{"),
                        "dead letters by error class");
                assertTrue(
                        metrics.contains("error_type=\"" + errorClass + "\""),
                        errorClass + " in\n" + grep(metrics, "deadLetters"));
            }
            assertTrue(
                    value(metrics, "_clickhouse_rowsWritten_total") >= 6,
                    () -> "raw + dlq rows:\n" + grep(metrics, "rowsWritten"));
            for (String present :
                    List.of(
                            "_clickhouse_batchLatencyMs_p95",
                            "flink_jobmanager_job_lastCheckpointDuration",
                            "flink_jobmanager_job_lastCheckpointSize",
                            "flink_jobmanager_job_numberOfFailedCheckpoints",
                            "flink_jobmanager_job_numRestarts",
                            "records_lag_max")) {
                assertTrue(metrics.contains(present), present + " missing");
            }
        } finally {
            job.cancel().get(60, TimeUnit.SECONDS);
        }
    }

    private static String grep(String text, String part) {
        return String.join("\n", text.lines().filter(l -> l.contains(part)).limit(20).toList());
    }

    /** The largest value of the series whose name contains {@code name} (0 when absent). */
    private static double value(String metrics, String name) {
        // Label values may hold spaces ("clickhouse: Writer"): the value follows the last one.
        return metrics.lines()
                .filter(l -> !l.startsWith("#"))
                .filter(l -> l.split("[{ ]", 2)[0].contains(name))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .max()
                .orElse(0);
    }

    private static String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + PORT + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return response.body();
    }

    private static Configuration withReporter() {
        Configuration conf = new Configuration();
        LoopbackPrometheusReporter.configure(conf, "127.0.0.1", PORT);
        return conf;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
