package org.livepeer.analytics.bench.gateway;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.bench.ProcessCpu;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load generator's own JVM (started by {@link LoadProcess}), so the generator's threads, heap
 * and JIT do not share a process with the gateway under test. A fresh JVM is slow until the JIT has
 * compiled the client, so it first runs {@link #JIT_WARMUP_S} s at a modest rate (not counted),
 * prints {@code WARM}, then runs one {@link OpenLoad} run and prints its {@link RunResult#wire()
 * wire line}.
 *
 * <p>Arguments: {@code port target form rate warmupS measureS connections key}.
 */
public final class LoadMain {

    private static final Logger LOG = LoggerFactory.getLogger(LoadMain.class);

    /** Seconds of uncounted load at {@link #JIT_WARMUP_RATE} before the run. */
    static final int JIT_WARMUP_S = 5;

    private static final int JIT_WARMUP_RATE = 2_000;

    private static final String PATH = "/v1/events";

    private LoadMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String target = args[1];
        BodyForm form = BodyForm.parse(args[2]);
        int rate = Integer.parseInt(args[3]);
        int warmupS = Integer.parseInt(args[4]);
        int measureS = Integer.parseInt(args[5]);
        int connections = Integer.parseInt(args[6]);
        String key = args[7];
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        int status = 0;
        try {
            // One event loop: every context below runs on it, so the connections stay confined.
            Context context = vertx.getOrCreateContext();
            NetClient net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
            WireConnections wires =
                    WireConnections.open(net, port, connections).await(30, TimeUnit.SECONDS);
            List<Buffer> requests =
                    form.bodies().stream()
                            .map(b -> WireConnections.post(PATH, "application/json", key, b))
                            .toList();
            OpenLoad load = new OpenLoad(context, wires, requests);
            load.run(target, form, Math.min(rate, JIT_WARMUP_RATE), 0, JIT_WARMUP_S);
            System.out.println("WARM");
            System.out.flush();
            long cpu = ProcessCpu.nanos();
            RunResult result = load.run(target, form, rate, warmupS, measureS);
            long asked = (long) rate * (warmupS + measureS);
            System.out.println(
                    result.withCpu(ProcessCpu.microsPerRequest(cpu, asked), Double.NaN).wire());
        } catch (RuntimeException e) {
            LOG.error("load run failed", e);
            status = 1;
        } finally {
            vertx.close().await(30, TimeUnit.SECONDS);
        }
        // Vert.x threads are not daemons.
        System.exit(status);
    }
}
