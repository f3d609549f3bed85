package org.livepeer.analytics.bench.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one fixed-rate run of the load generator in a child JVM ({@link LoadMain}) and reads its
 * result, adding this JVM's CPU per request (the broker and the gateways live here). The child has
 * a hard time limit, so a hung run cannot hold the benchmark.
 */
final class LoadProcess {

    private static final long SLACK_S = 60;

    private final String key;
    private final int connections;

    LoadProcess(String key, int connections) {
        this.key = key;
        this.connections = connections;
    }

    RunResult run(String target, int port, BodyForm form, int rate, int warmupS, int measureS)
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
                        String.valueOf(rate),
                        String.valueOf(warmupS),
                        String.valueOf(measureS),
                        String.valueOf(connections),
                        key);
        long cpu = ProcessCpu.nanos();
        Process child =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            if (!child.waitFor(warmupS + measureS + SLACK_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("load generator did not finish in time");
            }
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] lines = out.strip().split("\n");
            if (child.exitValue() != 0 || lines.length == 0) {
                throw new IllegalStateException("load generator failed: " + out);
            }
            long requests = (long) rate * (warmupS + measureS);
            return RunResult.fromWire(lines[lines.length - 1])
                    .withServerCpu(ProcessCpu.microsPerRequest(cpu, requests));
        } finally {
            child.destroyForcibly();
        }
    }
}
