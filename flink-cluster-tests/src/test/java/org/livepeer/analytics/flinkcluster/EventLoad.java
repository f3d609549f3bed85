package org.livepeer.analytics.flinkcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.livepeer.analytics.event.samples.SampleFiles;

/**
 * Batches of distinct events POSTed to the gateway at a fixed rate (open model: a batch is due
 * every {@code batch / rate} seconds whatever happened to the earlier ones). Every event is a real
 * sample event (event-model's {@link SampleFiles}) under a new id {@code fc-<n>}: the sample lines
 * of the five types that become exactly one typed row each, in file order, plus one {@code
 * stream_trace} without {@code data.stream_id} per cycle, which the gateway accepts (its envelope
 * is valid) and the processor dead-letters ({@code missing_field}). An event is
 * <em>acknowledged</em> when its request was answered 202 with every event accepted; only those are
 * owed to ClickHouse.
 *
 * <p>Not testkit's {@code FaultLoad}, which is a closed loop (a sender posts when its last batch
 * was answered, pauses on a refusal until {@code /ready}) whose phases end on acknowledged counts:
 * this drill needs an open model at a set rate, runs of a set number of events (a quarter posted
 * while no job runs), one id sequence whose number picks the template and so the table an id owes
 * ({@link #tableOf}), and no refusal at all.
 */
final class EventLoad implements AutoCloseable {

    static final String PREFIX = "fc-";
    static final String DLQ_TABLE = "streaming_events_dlq";

    /** Event type → its typed table; each of these events becomes one row there. */
    static final Map<String, String> ONE_ROW_TYPES =
            Map.of(
                    "ai_stream_status", "ai_stream_status",
                    "stream_ingest_metrics", "stream_ingest_metrics",
                    "stream_trace", "stream_trace_events",
                    "ai_stream_events", "ai_stream_events",
                    "create_new_payment", "payment_events");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID_MARK = "@@id@@";

    /** A sample event with its id cut out, and where it must end up. */
    private record Template(String before, String after, String table) {
        String with(String id) {
            return before + id + after;
        }
    }

    private final List<Template> templates;
    private final int batch;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final URI events;
    private final String apiKey;
    private final ExecutorService senders = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong nextId = new AtomicLong();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();

    EventLoad(int gatewayPort, String apiKey, int batch) {
        this.events = URI.create("http://127.0.0.1:" + gatewayPort + "/v1/events");
        this.apiKey = apiKey;
        this.batch = batch;
        this.templates = templates();
    }

    private static List<Template> templates() {
        List<Template> out = new ArrayList<>();
        for (String type : new TreeMap<>(ONE_ROW_TYPES).keySet()) {
            for (String line : SampleFiles.lines(type)) {
                out.add(template(read(line), ONE_ROW_TYPES.get(type)));
            }
        }
        ObjectNode noStream = read(SampleFiles.lines("stream_trace").get(0));
        ((ObjectNode) noStream.get("data")).remove("stream_id");
        out.add(template(noStream, DLQ_TABLE));
        return List.copyOf(out);
    }

    private static ObjectNode read(String line) {
        try {
            return (ObjectNode) JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Template template(ObjectNode event, String table) {
        event.put("id", ID_MARK);
        String text = event.toString();
        int at = text.indexOf(ID_MARK);
        return new Template(text.substring(0, at), text.substring(at + ID_MARK.length()), table);
    }

    /** The table event {@code id} must reach: its template's, by the number in the id. */
    String tableOf(String id) {
        long n = Long.parseLong(id.substring(PREFIX.length()));
        return templates.get((int) (n % templates.size())).table();
    }

    /** Every table the load writes to: the five typed tables and the DLQ. */
    List<String> tables() {
        return templates.stream().map(Template::table).distinct().sorted().toList();
    }

    Set<String> acknowledged() {
        return acknowledged;
    }

    long sent() {
        return sent.get();
    }

    long failedRequests() {
        return failedRequests.get();
    }

    /** One run of the load: {@code events} events, {@code rate} events/s. */
    final class Run {
        private final int batches;
        private final CountDownLatch answered;
        private final AtomicInteger due = new AtomicInteger();
        // Set once scheduled; a tick that runs before sees null and a later one cancels.
        private volatile ScheduledFuture<?> schedule;

        private Run(int events, int rate) {
            this.batches = (events + batch - 1) / batch;
            this.answered = new CountDownLatch(batches);
            long periodNanos = TimeUnit.SECONDS.toNanos(1) * batch / rate;
            this.schedule =
                    ticker.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
        }

        private void tick() {
            int n = due.getAndIncrement();
            if (n < batches) {
                senders.submit(this::postOne);
            }
            if (n >= batches - 1 && schedule != null) {
                schedule.cancel(false);
            }
        }

        private void postOne() {
            try {
                post();
            } finally {
                answered.countDown();
            }
        }

        /** Waits until every batch of this run was answered (or failed). */
        boolean await(Duration timeout) throws InterruptedException {
            return answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    Run start(int events, int rate) {
        return new Run(events, rate);
    }

    private void post() {
        List<String> ids = new ArrayList<>(batch);
        StringBuilder body = new StringBuilder(batch * 600).append('[');
        for (int i = 0; i < batch; i++) {
            long n = nextId.getAndIncrement();
            String id = PREFIX + n;
            ids.add(id);
            body.append(i == 0 ? "" : ",")
                    .append(templates.get((int) (n % templates.size())).with(id));
        }
        body.append(']');
        sent.addAndGet(batch);
        HttpRequest request =
                HttpRequest.newBuilder(events)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + apiKey)
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        body.toString(), StandardCharsets.UTF_8))
                        .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = r.statusCode() == 202 ? JSON.readTree(r.body()) : null;
            if (answer != null && answer.path("accepted").asInt() == batch) {
                acknowledged.addAll(ids);
            } else {
                failedRequests.incrementAndGet();
            }
        } catch (IOException e) {
            failedRequests.incrementAndGet(); // not acknowledged: its ids are owed nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
    }
}
