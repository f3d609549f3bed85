package org.livepeer.analytics.testkit.load;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Load through a fault (docs/reliability.md, "Kafka with replicas"): {@link #SENDERS} threads POST
 * batches of {@link #BATCH} events to the gateway, each event a copy of one template under a fresh
 * id ({@code <prefix>t<thread>-<n>}) and one of 64 stream ids per thread ({@code
 * <prefix>t<thread>-s<n % 64>}, the record key, so the load spreads over the partitions), until
 * {@code n} are <em>acknowledged</em>; then the fault runs while they go on, until {@code n} more
 * are; then they stop. A request answered 202 with every event accepted acknowledges its ids;
 * anything else is refused and not retried, and its sender waits for {@code /ready} before the next
 * batch instead of spinning on refusals.
 *
 * <p>Each module has its own HTTP client: the test hands one {@link Gateway} per sender.
 */
public final class FaultLoad {

    /** The system property that sets how many events each phase waits for. */
    public static final String ACKED_PER_PHASE_PROPERTY = "faultload.ackedPerPhase";

    /**
     * Events acknowledged before the fault, and again after it, unless the property says: 500,000
     * in all, the size at which a claim about loss holds (docs/reliability.md).
     */
    public static final int DEFAULT_ACKED_PER_PHASE = 250_000;

    public static final int SENDERS = 2;
    public static final int BATCH = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STREAMS = 64;

    /** The gateway as one sender sees it. */
    public interface Gateway {
        /** POSTs a JSON array of events to {@code /v1/events}. */
        Answer post(String jsonArray) throws IOException, InterruptedException;

        /** Whether {@code /ready} answers 200; false when it cannot be reached. */
        boolean ready() throws InterruptedException;
    }

    /** The gateway's status and, for a 202, its body's {@code accepted} count. */
    public record Answer(int status, int accepted) {}

    /** What happens between the two phases, e.g. a broker killed. */
    @FunctionalInterface
    public interface Fault {
        void run() throws Exception;
    }

    private final ObjectNode template;
    private final String prefix;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();

    /** {@code template}: an event with a {@code data} object; {@code prefix} starts every id. */
    public FaultLoad(String template, String prefix) {
        this.template = parse(template);
        this.prefix = prefix;
    }

    /** The per-phase count: {@value #ACKED_PER_PHASE_PROPERTY}, else the default. */
    public static int ackedPerPhase() {
        return Integer.getInteger(ACKED_PER_PHASE_PROPERTY, DEFAULT_ACKED_PER_PHASE);
    }

    /** The shortest of {@code events} with a textual {@code data.stream_id}. */
    public static String smallestWithStreamId(Collection<String> events) {
        return events.stream()
                .filter(e -> parse(e).path("data").path("stream_id").isTextual())
                .min(Comparator.comparingInt(String::length))
                .orElseThrow();
    }

    /**
     * Runs the senders until {@code perPhase} events are acknowledged, runs {@code fault}, goes on
     * until {@code perPhase} more are, and stops the senders. Each phase may take 60 s plus 1 ms
     * per event. Returns how many were acknowledged when the fault ran.
     */
    public int throughFault(int perPhase, Supplier<Gateway> clients, Fault fault) throws Exception {
        Duration phase = Duration.ofSeconds(60).plusMillis(perPhase);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            Gateway client = clients.get();
            String threadPrefix = prefix + "t" + t + "-";
            senders.add(
                    pool.submit(
                            () -> {
                                send(client, threadPrefix);
                                return null;
                            }));
        }
        try {
            awaitAcknowledged(perPhase, phase, senders);
            int atFault = acknowledged.size();
            fault.run();
            awaitAcknowledged(atFault + perPhase, phase, senders);
            return atFault;
        } finally {
            stop.set(true);
            for (Future<?> s : senders) {
                s.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
    }

    /** Every id answered 202 in a batch accepted in full. */
    public Set<String> acknowledged() {
        return acknowledged;
    }

    /** Events posted, acknowledged or not. */
    public int sent() {
        return sent.get();
    }

    /** Events in batches not acknowledged (refused, or the request failed). */
    public int refused() {
        return refused.get();
    }

    private void awaitAcknowledged(int n, Duration atMost, List<Future<?>> senders) {
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            for (Future<?> s : senders) {
                                if (s.isDone()) {
                                    s.get(); // a sender that failed fails the phase now
                                    throw new IllegalStateException("a sender stopped early");
                                }
                            }
                            return acknowledged.size() >= n;
                        });
    }

    /** Posts batches of fresh ids until {@link #stop}; keeps the ids of every full 202. */
    private void send(Gateway client, String threadPrefix) throws InterruptedException {
        for (int n = 0; !stop.get(); n += BATCH) {
            List<String> ids = new ArrayList<>(BATCH);
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < BATCH; i++) {
                ObjectNode event = template.deepCopy();
                String id = threadPrefix + (n + i);
                event.put("id", id);
                ((ObjectNode) event.get("data"))
                        .put("stream_id", threadPrefix + "s" + ((n + i) % STREAMS));
                ids.add(id);
                body.append(i == 0 ? "" : ",").append(event);
            }
            body.append(']');
            sent.addAndGet(BATCH);
            if (acknowledges(client, body.toString())) {
                acknowledged.addAll(ids);
            } else {
                refused.addAndGet(BATCH);
                // 503 while Kafka recovers: no retry; wait for /ready instead of spinning.
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> stop.get() || client.ready());
            }
        }
    }

    private static boolean acknowledges(Gateway client, String body) throws InterruptedException {
        Answer answer;
        try {
            answer = client.post(body);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
        if (answer.status() == 202 && answer.accepted() != BATCH) {
            // Every event is valid: a partial accept is a gateway bug, not a refusal.
            throw new IllegalStateException("202 with " + answer.accepted() + " of " + BATCH);
        }
        return answer.status() == 202;
    }

    private static ObjectNode parse(String event) {
        try {
            return (ObjectNode) JSON.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
