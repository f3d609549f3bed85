package org.livepeer.analytics.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;

/**
 * HTTP-ack to queryable latency: one {@code stream_trace} probe event every interval during the
 * load, each with its own id, then ClickHouse polled every {@code pollMs} for the probes
 * acknowledged and not yet seen, in the raw archive and in {@code stream_trace_events}. A probe's
 * latency is from its 202 to the end of the first poll that returned it, so it is an upper bound,
 * by at most one poll interval plus the query's own time. Each poll asks for the oldest pending
 * probes only, and polls start {@code pollMs} apart or, when a poll is slow, three times its
 * duration apart.
 */
final class Probes {

    private static final String STREAM = "bench-probe";
    private static final int MAX_PENDING_PER_POLL = 200;
    private static final long QUERY_SHARE_INVERSE = 3;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI ingest;
    private final String key;
    private final ClickHouseHttp ch;
    private final String prefix;
    private final Map<String, Long> ackedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> rawSeen = new ConcurrentHashMap<>();
    private final Map<String, Long> typedSeen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
    private long sent;

    Probes(int gatewayPort, String key, ClickHouseHttp ch, String prefix) {
        this.ingest = URI.create("http://127.0.0.1:" + gatewayPort + "/v1/events");
        this.key = key;
        this.ch = ch;
        this.prefix = Counts.checkPrefix(prefix);
    }

    void startSending(long intervalMs) {
        sender.scheduleAtFixedRate(this::sendOne, 0, intervalMs, TimeUnit.MILLISECONDS);
    }

    void stopSending() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void sendOne() {
        String id = prefix + sent++;
        long now = System.currentTimeMillis();
        String body =
                "{\"id\":\""
                        + id
                        + "\",\"type\":\"stream_trace\",\"timestamp\":\""
                        + now
                        + "\",\"gateway\":\"\",\"data\":{\"type\":\"gateway_receive_stream_request\","
                        + "\"stream_id\":\""
                        + STREAM
                        + "\",\"request_id\":\""
                        + prefix
                        + "\",\"pipeline_id\":\"\",\"orchestrator_info\":{\"address\":\"\","
                        + "\"url\":\"\"},\"timestamp\":"
                        + now
                        + "}}";
        HttpRequest request =
                HttpRequest.newBuilder(ingest)
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenAccept(
                        r -> {
                            if (r.statusCode() == 202) {
                                ackedAt.put(id, System.currentTimeMillis());
                            }
                        });
    }

    /**
     * Polls on a thread of its own until every acknowledged probe was seen in both tables (after
     * {@link #stopSending()}) or until {@code deadlineMs}; {@link Thread#join} it.
     */
    Thread startPolling(long pollMs, long deadlineMs) {
        Thread t =
                new Thread(
                        () -> {
                            try {
                                pollUntil(pollMs, deadlineMs);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "probe-poller");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void pollUntil(long pollMs, long deadlineMs) throws InterruptedException {
        while (System.currentTimeMillis() < deadlineMs) {
            List<String> rawPending = pending(rawSeen);
            List<String> typedPending = pending(typedSeen);
            if (rawPending.isEmpty() && typedPending.isEmpty() && sender.isShutdown()) {
                return;
            }
            long started = System.nanoTime();
            try {
                poll(rawPending, typedPending);
            } catch (RuntimeException e) {
                // a failed poll is retried at the next interval
            }
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            // The poller must not load the server it measures, at most a third of its time, nor
            // wait so long between polls that the wait, not the pipeline, sets the latency: ten
            // times the query's time gave gaps of 2 s under load.
            TimeUnit.MILLISECONDS.sleep(Math.max(pollMs, QUERY_SHARE_INVERSE * tookMs) - tookMs);
        }
    }

    /**
     * The oldest {@value #MAX_PENDING_PER_POLL} acknowledged probes not seen yet: behind a backlog
     * every probe is pending, and asking for all of them made each poll cost seconds of the
     * server's CPU, slowing the inserts it measures.
     */
    private List<String> pending(Map<String, Long> seen) {
        List<Map.Entry<String, Long>> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : ackedAt.entrySet()) {
            if (!seen.containsKey(e.getKey())) {
                out.add(e);
            }
        }
        return out.stream()
                .sorted(Map.Entry.comparingByValue())
                .limit(MAX_PENDING_PER_POLL)
                .map(Map.Entry::getKey)
                .toList();
    }

    private void poll(List<String> rawPending, List<String> typedPending) {
        if (!rawPending.isEmpty()) {
            mark(
                    "SELECT event_id FROM livepeer_analytics.streaming_events WHERE event_date >="
                            + " yesterday() AND event_type = 'stream_trace' AND event_id IN ("
                            + quoted(rawPending)
                            + ")",
                    rawSeen);
        }
        if (!typedPending.isEmpty()) {
            mark(
                    "SELECT event_id FROM livepeer_analytics.stream_trace_events WHERE stream_id = '"
                            + STREAM
                            + "' AND request_id = '"
                            + prefix
                            + "' AND event_id IN ("
                            + quoted(typedPending)
                            + ")",
                    typedSeen);
        }
    }

    private void mark(String sql, Map<String, Long> seen) {
        String body = ch.query(sql + " FORMAT TabSeparated");
        long now = System.currentTimeMillis();
        for (String id : body.split("\n")) {
            if (!id.isBlank()) {
                seen.putIfAbsent(id.trim(), now);
            }
        }
    }

    private static String quoted(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            b.append(b.length() == 0 ? "'" : ",'").append(id).append('\'');
        }
        return b.toString();
    }

    long sent() {
        return sent;
    }

    long acked() {
        return ackedAt.size();
    }

    /** Latencies (ms) of the probes seen in the raw archive (or typed table). */
    List<Long> latencies(boolean typed) {
        Map<String, Long> seen = typed ? typedSeen : rawSeen;
        List<Long> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : seen.entrySet()) {
            Long ack = ackedAt.get(e.getKey());
            if (ack != null) {
                out.add(Math.max(0, e.getValue() - ack));
            }
        }
        return out;
    }
}
