package org.livepeer.analytics.bench.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.livepeer.analytics.bench.ProcessCpu;

/**
 * Runs one run of the load generator in a child JVM ({@link LoadMain}) and reads its result, adding
 * the server side's CPU per request (this JVM: the broker and the gateways live here). The child
 * has a hard time limit, so a hung run cannot hold the benchmark.
 */
final class LoadProcess {

    private static final long SLACK_S = 60;

    /** Bounds a child that hangs: longest run plus warm-up plus slack, then it is killed. */
    private static final long WATCHDOG_S = 60 + 30 + LoadMain.JIT_WARMUP_S + SLACK_S;

    private final String key;
    private final int connections;

    LoadProcess(String key, int connections) {
        this.key = key;
        this.connections = connections;
    }

    /**
     * One run against {@code port}; {@code load} is the rate (open) or the connections (closed).
     */
    RunResult run(
            String target,
            int port,
            BodyForm form,
            LoadModel model,
            int load,
            int warmupS,
            int measureS)
            throws IOException, InterruptedException {
        List<String> command =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx1g",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoadMain.class.getName(),
                        String.valueOf(port),
                        target,
                        form.name(),
                        model.name(),
                        String.valueOf(load),
                        String.valueOf(warmupS),
                        String.valueOf(measureS),
                        String.valueOf(connections),
                        key);
        Process child =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // readLine blocks on the child's stdout; the watchdog ends a child that never answers.
        Thread watchdog =
                new Thread(
                        () -> {
                            try {
                                if (!child.waitFor(WATCHDOG_S, TimeUnit.SECONDS)) {
                                    child.destroyForcibly();
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "load-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            RunResult result = readResult(out);
            if (result != null) {
                return result;
            }
            child.waitFor(SLACK_S, TimeUnit.SECONDS);
            throw new IllegalStateException(
                    "load generator ended without a result (exit "
                            + (child.isAlive() ? "none" : child.exitValue())
                            + ")");
        } finally {
            child.destroyForcibly();
        }
    }

    /**
     * The child's result with the server side's CPU per request, counted from the end of the
     * child's JIT warm-up; null if the child ended without one.
     */
    private static RunResult readResult(BufferedReader out) throws IOException {
        long cpu = -1;
        long gatewayCpu = -1;
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals("WARM")) {
                cpu = ProcessCpu.nanos();
                gatewayCpu = GatewayThreadsCpu.nanos();
            } else if (line.startsWith("RESULT ") && cpu >= 0) {
                RunResult r = RunResult.fromWire(line);
                double gateway =
                        r.requests() == 0
                                ? Double.NaN
                                : (GatewayThreadsCpu.nanos() - gatewayCpu) / 1e3 / r.requests();
                return r.withCpu(
                        r.clientCpuUs(), ProcessCpu.microsPerRequest(cpu, r.requests()), gateway);
            }
        }
        return null;
    }
}
