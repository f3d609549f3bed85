package org.livepeer.analytics.bench.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load generator's own JVM (started by {@link LoadProcess}), so the generator's threads, heap
 * and JIT do not share a process with the gateway under test. Runs one {@link OpenLoad} run and
 * prints its {@link RunResult#wire() wire line} as the last line of stdout.
 *
 * <p>Arguments: {@code port target form rate warmupS measureS connections key}.
 */
public final class LoadMain {

    private static final Logger LOG = LoggerFactory.getLogger(LoadMain.class);

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
            HttpClient client =
                    vertx.createHttpClient(
                            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                            new PoolOptions().setHttp1MaxSize(connections));
            OpenLoad load = new OpenLoad(vertx, client, form.bodies(), key);
            long cpu = ProcessCpu.nanos();
            RunResult result = load.run(target, port, form, rate, warmupS, measureS);
            long requests = (long) rate * (warmupS + measureS);
            System.out.println(
                    result.withClientCpu(ProcessCpu.microsPerRequest(cpu, requests)).wire());
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
