package org.livepeer.analytics.bench.sse;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.livepeer.analytics.bench.ProcessCpu;

/**
 * The client side of {@link SseFanoutBench}, in its own JVM (each process may hold only {@code
 * ulimit -n} sockets). Prints {@code READY} once every client is connected, then {@code RESULT
 * delivered p50 p99 max connectSeconds complete cpuMs} (latencies in ms) after the expected
 * messages or a timeout: {@code complete} is the number of clients that got exactly every message,
 * {@code cpuMs} the CPU time this process used from READY to RESULT. Each message's latency is its
 * receipt time minus the Kafka record timestamp it carries ({@code "ts"}); see {@link
 * SseWireClient} for why the clients are raw sockets.
 *
 * <p>Arguments: {@code port clients messages token [eventLoops]}.
 */
public final class SseBenchClients {

    private SseBenchClients() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int messages = Integer.parseInt(args[2]);
        long expected = (long) clients * messages;
        String token = args[3];
        int loops =
                args.length > 4
                        ? Integer.parseInt(args[4])
                        : Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        Recorder recorder = new Recorder(3);
        AtomicLong delivered = new AtomicLong();
        AtomicLong open = new AtomicLong();
        AtomicIntegerArray perClient = new AtomicIntegerArray(clients);
        NetClient net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
        String uri = "/v1/live/metrics?access_token=" + token;
        List<Context> contexts = eventLoops(vertx, loops);
        long t0 = System.nanoTime();
        List<Future<?>> wave = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SseWireClient client = new SseWireClient(recorder, delivered, perClient, i);
            Promise<Void> opened = Promise.promise();
            contexts.get(i % loops)
                    .runOnContext(v -> client.open(net, port, uri).onComplete(opened));
            wave.add(opened.future().onSuccess(v -> open.incrementAndGet()));
            if (wave.size() == 200) {
                Future.join(wave).otherwiseEmpty().await();
                wave.clear();
            }
        }
        Future.join(wave).otherwiseEmpty().await();
        double connectS = (System.nanoTime() - t0) / 1e9;
        recorder.getIntervalHistogram();
        System.out.println("READY " + open.get());
        System.out.flush();
        long cpu0 = ProcessCpu.nanos();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long cpuMs = (ProcessCpu.nanos() - cpu0) / 1_000_000;
        Histogram h = recorder.getIntervalHistogram();
        int complete = complete(perClient, messages);
        System.out.printf(
                "RESULT %d %.1f %.1f %.1f %.1f %d %d%n",
                delivered.get(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0,
                connectS,
                complete,
                cpuMs);
        System.out.flush();
        System.exit(0);
    }

    /** Outside a verticle every connection would land on one event loop: one context per loop. */
    private static List<Context> eventLoops(Vertx vertx, int loops) {
        List<Context> contexts = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            LoopVerticle loop = new LoopVerticle();
            vertx.deployVerticle(loop).await();
            contexts.add(loop.context());
        }
        return contexts;
    }

    /** Clients that received exactly every message, no more, no fewer. */
    private static int complete(AtomicIntegerArray perClient, int messages) {
        int complete = 0;
        for (int i = 0; i < perClient.length(); i++) {
            if (perClient.get(i) == messages) {
                complete++;
            }
        }
        return complete;
    }

    /** Only there to own an event loop. */
    private static final class LoopVerticle extends VerticleBase {
        Context context() {
            return context;
        }
    }

    /** CPU time of this whole process (every thread), as the JVM reports it. */
}
