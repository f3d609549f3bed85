package org.livepeer.analytics.bench.gateway;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.bench.ProcessCpu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load generator's own JVM (started by {@link LoadProcess}), so the generator's threads, heap
 * and JIT do not share a process with the server under test. A fresh JVM is slow until the JIT has
 * compiled the client, so it first runs {@link #JIT_WARMUP_S} s of load (not counted: at a modest
 * rate, or the closed loop itself), prints {@code WARM}, then runs one {@link OpenLoad} or {@link
 * ClosedLoop} run and prints its {@link RunResult#wire() wire line}.
 *
 * <p>Arguments: {@code port target form model load warmupS measureS connections key}, where {@code
 * load} is the rate (open) or the connections (closed).
 */
public final class LoadMain {

    private static final Logger LOG = LoggerFactory.getLogger(LoadMain.class);

    /** Seconds of uncounted load before the run. */
    static final int JIT_WARMUP_S = 5;

    private static final int JIT_WARMUP_RATE = 2_000;

    private static final String PATH = "/v1/events";

    private LoadMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String target = args[1];
        BodyForm form = BodyForm.parse(args[2]);
        LoadModel model = LoadModel.parse(args[3]);
        int load = Integer.parseInt(args[4]);
        int warmupS = Integer.parseInt(args[5]);
        int measureS = Integer.parseInt(args[6]);
        int connections = Integer.parseInt(args[7]);
        List<byte[]> requests = requests(form, args[8]);
        int status = 0;
        try {
            RunResult result =
                    model == LoadModel.CLOSED
                            ? closed(port, target, form, requests, load, warmupS, measureS)
                            : open(
                                    port,
                                    target,
                                    form,
                                    requests,
                                    load,
                                    connections,
                                    warmupS,
                                    measureS);
            System.out.println(result.wire());
        } catch (RuntimeException e) {
            LOG.error("load run failed", e);
            status = 1;
        }
        System.exit(status);
    }

    private static RunResult closed(
            int port,
            String target,
            BodyForm form,
            List<byte[]> requests,
            int connections,
            int warmupS,
            int measureS)
            throws Exception {
        ClosedLoop load = new ClosedLoop(port, requests);
        load.run(target, form, connections, 0, JIT_WARMUP_S);
        warm();
        long cpu = ProcessCpu.nanos();
        RunResult result = load.run(target, form, connections, warmupS, measureS);
        return result.withCpu(
                ProcessCpu.microsPerRequest(cpu, result.requests()), Double.NaN, Double.NaN);
    }

    private static RunResult open(
            int port,
            String target,
            BodyForm form,
            List<byte[]> requests,
            int rate,
            int connections,
            int warmupS,
            int measureS)
            throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            // One event loop: every context below runs on it, so the connections stay confined.
            Context context = vertx.getOrCreateContext();
            NetClient net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
            WireConnections wires =
                    WireConnections.open(net, port, connections).await(30, TimeUnit.SECONDS);
            OpenLoad load =
                    new OpenLoad(context, wires, requests.stream().map(Buffer::buffer).toList());
            load.run(target, form, Math.min(rate, JIT_WARMUP_RATE), 0, JIT_WARMUP_S);
            warm();
            long cpu = ProcessCpu.nanos();
            RunResult result = load.run(target, form, rate, warmupS, measureS);
            return result.withCpu(
                    ProcessCpu.microsPerRequest(cpu, result.requests()), Double.NaN, Double.NaN);
        } finally {
            // Vert.x threads are not daemons.
            vertx.close().await(30, TimeUnit.SECONDS);
        }
    }

    /** The whole HTTP messages the generator cycles through, one per prebuilt body. */
    static List<byte[]> requests(BodyForm form, String bearer) {
        return form.bodies().stream().map(body -> post(body, bearer)).toList();
    }

    private static byte[] post(byte[] body, String bearer) {
        byte[] head =
                ("POST "
                                + PATH
                                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
                                + "\r\nAuthorization: Bearer "
                                + bearer
                                + "\r\nContent-Length: "
                                + body.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        return message;
    }

    private static void warm() {
        System.out.println("WARM");
        System.out.flush();
    }
}
