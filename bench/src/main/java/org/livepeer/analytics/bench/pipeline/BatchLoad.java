package org.livepeer.analytics.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-model batched load: request {@code i} (events {@code i*batch ..}) is due at {@code start + i
 * * batch / rate}, whatever happened to earlier ones, and is taken by the first free connection of
 * a fixed pool; its latency runs from the due time to the end of the answer, so queueing counts.
 * Bounded: at most {@link #MAX_QUEUED} requests wait (more count as errors) and open requests get
 * {@link #DRAIN_S} s after the last one is due. Which requests were answered {@code 202} with every
 * event accepted is remembered ({@link #ackedBatches()}): only their events are owed to the tables.
 */
final class BatchLoad {

    static final String PATH = "/v1/events";
    private static final int MAX_QUEUED = 10_000;
    private static final int MAX_REPORTED = 10;
    private static final long DRAIN_S = 30;
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** What one phase did. {@code lastAckMs} is the wall-clock time of its last answer. */
    record Outcome(
            long requests,
            long okRequests,
            long ackedEvents,
            long failedRequests,
            Histogram latencyNanos,
            long lastAckMs) {}

    private final int port;
    private final String bearer;
    private final EventMix mix;
    private final int batch;
    private final int connections;
    final AtomicLong acked = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();
    private final BitSet ackedBatches = new BitSet();

    BatchLoad(int port, String bearer, EventMix mix, int batch, int connections) {
        this.port = port;
        this.bearer = bearer;
        this.mix = mix;
        this.batch = batch;
        this.connections = connections;
    }

    Outcome run(String idPrefix, int eventsPerSecond, int seconds) throws InterruptedException {
        return run(idPrefix, eventsPerSecond, seconds, Long.MAX_VALUE);
    }

    /**
     * Like {@link #run(String, int, int)}, but no request is issued any more once {@code
     * stopAtAcked} events are acknowledged (the requests still open are answered first).
     */
    Outcome run(String idPrefix, int eventsPerSecond, int seconds, long stopAtAcked)
            throws InterruptedException {
        acked.set(0);
        failed.set(0);
        synchronized (ackedBatches) {
            ackedBatches.clear();
        }
        long planned = Math.max(1, Math.round((double) eventsPerSecond * seconds / batch));
        double periodNanos = 1e9 * batch / eventsPerSecond;
        BlockingQueue<long[]> due = new ArrayBlockingQueue<>(MAX_QUEUED);
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        AtomicLong done = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t =
                    new Thread(
                            () -> send(idPrefix, due, latency, ok, lastAck, done),
                            "load-sender-" + c);
            t.setDaemon(true);
            t.start();
            senders.add(t);
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long total = 0;
        for (; total < planned && acked.get() < stopAtAcked; total++) {
            long dueNanos = start + Math.round(total * periodNanos);
            for (long now = System.nanoTime(); now < dueNanos; now = System.nanoTime()) {
                LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, dueNanos - now));
            }
            if (!due.offer(new long[] {total, dueNanos})) {
                failed.addAndGet(batch);
                done.incrementAndGet();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_S);
        while (done.get() < total && System.nanoTime() < deadline) {
            LockSupport.parkNanos(MAX_PARK_NANOS);
        }
        senders.forEach(Thread::interrupt);
        long answered = ok.get();
        synchronized (latency) {
            return new Outcome(
                    total, answered, acked.get(), total - answered, latency.copy(), lastAck.get());
        }
    }

    /**
     * Numbers of the requests of the last phase answered {@code 202} with all their events
     * accepted: request {@code i} carried the events {@code i*batch .. i*batch+batch-1}.
     */
    BitSet ackedBatches() {
        synchronized (ackedBatches) {
            return (BitSet) ackedBatches.clone();
        }
    }

    /** The first few failures go to stderr, the rest are only counted. */
    private void report(String what) {
        if (reported.incrementAndGet() <= MAX_REPORTED) {
            System.err.println("load: " + what);
        }
    }

    /** A {@code 202} for request {@code request}: {@code events} of its batch were accepted. */
    private void accepted(long request, int events) {
        acked.addAndGet(events);
        failed.addAndGet(batch - events);
        if (events == batch) {
            synchronized (ackedBatches) {
                ackedBatches.set(Math.toIntExact(request));
            }
        }
    }

    private void send(
            String idPrefix,
            BlockingQueue<long[]> due,
            Histogram latency,
            AtomicLong ok,
            AtomicLong lastAck,
            AtomicLong done) {
        HttpWire wire = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long[] next = due.poll(100, TimeUnit.MILLISECONDS);
                if (next == null) {
                    continue;
                }
                long first = next[0] * batch;
                byte[] body =
                        mix.batch(idPrefix, first, batch, System.currentTimeMillis())
                                .getBytes(StandardCharsets.UTF_8);
                try {
                    if (wire == null) {
                        wire = new HttpWire(port);
                    }
                    HttpWire.Answer a = wire.post(PATH, bearer, "application/json", body);
                    if (a.status() == 202) {
                        accepted(next[0], a.accepted());
                        ok.incrementAndGet();
                        lastAck.set(System.currentTimeMillis());
                        synchronized (latency) {
                            latency.recordValue(
                                    Math.min(
                                            latency.getHighestTrackableValue(),
                                            Math.max(0, System.nanoTime() - next[1])));
                        }
                    } else {
                        failed.addAndGet(batch);
                        report("answer " + a.status() + ": " + a.excerpt());
                    }
                } catch (IOException e) {
                    failed.addAndGet(batch);
                    report("request failed: " + e);
                    if (wire != null) {
                        wire.close();
                    }
                    wire = null;
                }
                done.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (wire != null) {
                wire.close();
            }
        }
    }
}
