package org.livepeer.analytics.bench.gateway;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: a scheduler thread releases requests at their due times ({@link
 * RateSchedule}) onto one Vert.x event loop, whether or not earlier ones were answered; each
 * request's latency runs from its due time to the end of its response, so time spent queued for a
 * connection ({@link WireConnections}) counts. Bounded: at most {@link #MAX_OUTSTANDING} requests
 * open (more count as errors) and a fixed drain time after the last one.
 */
final class OpenLoad {

    private static final int MAX_OUTSTANDING = 20_000;
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Context context;
    private final WireConnections connections;
    private final List<Buffer> requests;

    /**
     * @param context the one event loop {@code connections} belong to
     * @param requests the prebuilt requests, sent in turn
     */
    OpenLoad(Context context, WireConnections connections, List<Buffer> requests) {
        this.context = context;
        this.connections = connections;
        this.requests = requests;
    }

    /** Runs {@code rate} req/s for warm-up plus measured seconds against {@code port}. */
    RunResult run(String target, BodyForm form, int rate, int warmupS, int measureS) {
        Tally tally = new Tally(System.nanoTime() + START_DELAY_NANOS, warmupS);
        RateSchedule schedule = new RateSchedule(tally.startNanos, rate);
        long total = schedule.countIn(warmupS + measureS);
        long released = 0;
        while (released < total) {
            long now = System.nanoTime();
            long due = Math.min(schedule.dueBy(now), total);
            if (due > released) {
                long from = released;
                context.runOnContext(
                        v -> {
                            for (long i = from; i < due; i++) {
                                send(i, schedule.dueNanos(i), tally);
                            }
                        });
                released = due;
            } else {
                LockSupport.parkNanos(Math.min(MAX_PARK_NANOS, schedule.dueNanos(released) - now));
            }
        }
        long deadline = System.nanoTime() + DRAIN_NANOS;
        while (tally.outstanding.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(MAX_PARK_NANOS);
        }
        return tally.result(target, form, rate, warmupS, measureS);
    }

    private void send(long i, long dueNanos, Tally tally) {
        if (tally.outstanding.get() >= MAX_OUTSTANDING) {
            tally.done(dueNanos, false);
            return;
        }
        tally.outstanding.incrementAndGet();
        connections.send(
                requests.get((int) (i % requests.size())),
                status -> {
                    tally.outstanding.decrementAndGet();
                    tally.done(dueNanos, status == 202);
                });
    }

    /** Counts of one run; updated on the client context only (outstanding is read elsewhere). */
    private static final class Tally {
        final long startNanos;
        final long measureFromNanos;
        final AtomicLong outstanding = new AtomicLong();
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long ok;
        long errors;

        Tally(long startNanos, int warmupS) {
            this.startNanos = startNanos;
            this.measureFromNanos = startNanos + TimeUnit.SECONDS.toNanos(warmupS);
        }

        synchronized void done(long dueNanos, boolean succeeded) {
            if (dueNanos < measureFromNanos) {
                return;
            }
            if (succeeded) {
                ok++;
                latency.recordValue(Math.max(0, System.nanoTime() - dueNanos));
            } else {
                errors++;
            }
        }

        synchronized RunResult result(
                String target, BodyForm form, int rate, int warmupS, int measureS) {
            // Requests still open after the drain time are failures too.
            long open = outstanding.get();
            return new RunResult(
                    target,
                    form,
                    LoadModel.OPEN,
                    rate,
                    ok / (double) measureS,
                    ok,
                    errors + open,
                    (long) rate * (warmupS + measureS),
                    ms(latency.getValueAtPercentile(50)),
                    ms(latency.getValueAtPercentile(99)),
                    ms(latency.getValueAtPercentile(99.9)),
                    ms(latency.getMaxValue()),
                    Double.NaN,
                    Double.NaN,
                    Double.NaN);
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }
}
