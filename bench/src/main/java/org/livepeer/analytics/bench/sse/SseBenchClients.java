package org.livepeer.analytics.bench.sse;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The client side of {@link SseFanoutBench}, in its own JVM (each process may hold only {@code
 * ulimit -n} sockets). Prints {@code READY} once every client is connected, then {@code RESULT
 * delivered p50 p99 max connectSeconds} (latencies in ms) after the expected messages or a timeout.
 *
 * <p>Arguments: {@code port clients messages token}.
 */
public final class SseBenchClients {

    private SseBenchClients() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        long expected = (long) clients * Integer.parseInt(args[2]);
        String token = args[3];
        Vertx vertx = Vertx.vertx();
        Recorder recorder = new Recorder(3);
        AtomicLong delivered = new AtomicLong();
        AtomicLong open = new AtomicLong();
        HttpClient http =
                vertx.createHttpClient(
                        new HttpClientOptions().setDefaultPort(port).setDefaultHost("127.0.0.1"),
                        new PoolOptions().setHttp1MaxSize(clients + 10));
        long t0 = System.nanoTime();
        List<Future<?>> wave = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            wave.add(openOne(http, token, open, recorder, delivered));
            if (wave.size() == 200) {
                Future.join(wave).await();
                wave.clear();
            }
        }
        Future.join(wave).await();
        double connectS = (System.nanoTime() - t0) / 1e9;
        recorder.getIntervalHistogram();
        System.out.println("READY " + open.get());
        System.out.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Histogram h = recorder.getIntervalHistogram();
        System.out.printf(
                "RESULT %d %.1f %.1f %.1f %.1f%n",
                delivered.get(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0,
                connectS);
        System.out.flush();
        System.exit(0);
    }

    private static Future<?> openOne(
            HttpClient http,
            String token,
            AtomicLong open,
            Recorder recorder,
            AtomicLong delivered) {
        return http.request(
                        new RequestOptions()
                                .setMethod(HttpMethod.GET)
                                .setURI("/v1/live/metrics?access_token=" + token))
                .compose(req -> req.send())
                .onSuccess(
                        res -> {
                            if (res.statusCode() == 200) {
                                open.incrementAndGet();
                            }
                            res.handler(
                                    RecordParser.newDelimited(
                                            "\n\n",
                                            frame ->
                                                    onFrame(
                                                            frame.toString(),
                                                            recorder,
                                                            delivered)));
                        });
    }

    private static void onFrame(String frame, Recorder recorder, AtomicLong delivered) {
        int i = frame.indexOf("\"ts\":");
        if (i < 0) {
            return;
        }
        long ts = Long.parseLong(frame.substring(i + 5, frame.indexOf('}', i)));
        recorder.recordValue(Math.max(0, (System.currentTimeMillis() - ts) * 1000));
        delivered.incrementAndGet();
    }
}
