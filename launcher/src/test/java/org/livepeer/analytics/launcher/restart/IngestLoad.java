package org.livepeer.analytics.launcher.restart;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts batches of 100 distinct events ({@code <prefix>-<n>}; every {@value #STATUS_EVERY}th an
 * {@code ai_stream_status} report, which feeds the hourly rollup, the others {@code stream_trace}
 * events) to the gateway from a few concurrent clients, and remembers exactly which batches were
 * answered {@code 202} with all 100 accepted: only those events are owed to the tables.
 */
final class IngestLoad {

    static final int BATCH = 100;
    static final int STATUS_EVERY = 10;
    private static final int CLIENTS = 4;
    private static final long T0 = 1_767_225_600_000L;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI events;
    private final String key;
    private final String prefix;
    private final BitSet acked = new BitSet();
    private final AtomicLong next = new AtomicLong();
    private volatile boolean failed;

    IngestLoad(int gatewayPort, String key, String prefix) {
        this.events = URI.create("http://127.0.0.1:" + gatewayPort + "/v1/events");
        this.key = key;
        this.prefix = prefix;
    }

    /**
     * Sends batches {@code [from, to)} (batch numbers, not event numbers) until done or until the
     * gateway stops answering; returns once every client has stopped.
     */
    void send(int from, int to) throws InterruptedException {
        next.set(from);
        failed = false;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            pool.execute(
                    () -> {
                        for (long b = next.getAndIncrement(); b < to && !failed; ) {
                            if (post((int) b)) {
                                b = next.getAndIncrement();
                            }
                        }
                    });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new AssertionError("load did not finish in 10 minutes");
        }
    }

    /** Stops the clients at their next batch (used right before a kill). */
    void stop() {
        failed = true;
    }

    /** True when the batch is done with (acknowledged, or refused for good). */
    private boolean post(int batch) {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(events)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + key)
                                    .header("Content-Type", "application/x-ndjson")
                                    .POST(HttpRequest.BodyPublishers.ofString(body(batch)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202 && r.body().contains("\"accepted\":" + BATCH)) {
                synchronized (acked) {
                    acked.set(batch);
                }
                return true;
            }
            // 503 while the gateway starts or Kafka is busy: the batch is simply sent again.
            return r.statusCode() != 503;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = true;
            return true;
        } catch (Exception e) {
            // The gateway is gone (stopped or killed): this batch was not acknowledged.
            failed = true;
            return true;
        }
    }

    long ackedEvents() {
        synchronized (acked) {
            return (long) acked.cardinality() * BATCH;
        }
    }

    boolean isAcked(long eventNumber) {
        synchronized (acked) {
            return acked.get((int) (eventNumber / BATCH));
        }
    }

    String id(long eventNumber) {
        return prefix + "-" + eventNumber;
    }

    private String body(int batch) {
        StringBuilder sb = new StringBuilder(BATCH * 800);
        for (int i = 0; i < BATCH; i++) {
            long n = (long) batch * BATCH + i;
            sb.append(n % STATUS_EVERY == STATUS_EVERY - 1 ? status(n) : trace(n)).append('\n');
        }
        return sb.toString();
    }

    private String trace(long n) {
        long ts = T0 + n;
        return "{\"id\":\""
                + id(n)
                + "\",\"type\":\"stream_trace\",\"timestamp\":\""
                + ts
                + "\",\"gateway\":\"\",\"data\":{\"type\":\"gateway_receive_stream_request\","
                + "\"stream_id\":\"s-"
                + n % 997
                + "\",\"request_id\":\"r1\",\"pipeline_id\":\"\","
                + "\"orchestrator_info\":{\"address\":\"\",\"url\":\"\"},\"timestamp\":"
                + ts
                + "}}";
    }

    /** A runner's status report on one of three orchestrators, with fps and a restart. */
    private String status(long n) {
        long ts = T0 + n;
        return String.format(
                "{\"id\":\"%s\",\"type\":\"ai_stream_status\",\"timestamp\":\"%d\",\"gateway\":\"gw\","
                        + "\"data\":{\"inference_status\":{\"fps\":%d.0,\"last_error\":null,"
                        + "\"last_error_time\":null,\"last_output_time\":%d,\"last_params\":null,"
                        + "\"last_params_hash\":null,\"last_params_update_time\":null,"
                        + "\"last_restart_logs\":null,\"last_restart_time\":%d,\"restart_count\":1},"
                        + "\"input_status\":{\"fps\":20,\"last_input_time\":%d},"
                        + "\"last_state_update_time\":%d,\"last_status_timestamp\":%d,"
                        + "\"orchestrator_info\":{\"address\":\"0xaaaa00000000000000000000000000000000000%d\","
                        + "\"url\":\"https://o.example\"},\"pipeline\":\"p\",\"pipeline_id\":\"\","
                        + "\"request_id\":\"r1\",\"start_time\":%d,\"state\":\"%s\","
                        + "\"stream_id\":\"s-%d\",\"timestamp\":%d,\"type\":\"status\"}}",
                id(n),
                ts,
                10 + n % 21,
                ts,
                T0 + n % 997,
                ts,
                ts,
                ts,
                n % 3,
                T0,
                n % 7 == 0 ? "ERROR" : "ONLINE",
                n % 997,
                ts);
    }
}
