package org.livepeer.analytics.bench.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The parent's side of a {@link GatewayOnlyMain} child JVM. */
public final class GatewayOnlyProcess implements AutoCloseable {

    private final Process child;
    private final int port;

    private GatewayOnlyProcess(Process child, int port) {
        this.child = child;
        this.port = port;
    }

    /** The gateway with a Kafka broker of its own under {@code home}. */
    static GatewayOnlyProcess start(Path home, String key, Path log, List<String> javaOpts)
            throws Exception {
        return start(Map.of("home", home.toString(), "key", key), log, javaOpts);
    }

    /**
     * Starts the child with {@code --name value} options ({@link GatewayOnlyMain}) and returns once
     * it listens; stderr is appended to {@code log}.
     */
    public static GatewayOnlyProcess start(
            Map<String, String> options, Path log, List<String> javaOpts) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOpts);
        command.addAll(
                List.of(
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        System.getProperty("java.class.path"),
                        GatewayOnlyMain.class.getName()));
        options.forEach(
                (k, v) -> {
                    command.add("--" + k);
                    command.add(v);
                });
        Process p =
                new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                for (String l = out.readLine(); l != null; l = out.readLine()) {
                                    if (l.startsWith("READY ")) {
                                        return l;
                                    }
                                }
                                return null;
                            } catch (IOException e) {
                                return null;
                            }
                        });
        String line = ready.get(120, TimeUnit.SECONDS);
        if (line == null) {
            p.destroyForcibly();
            throw new IllegalStateException("gateway-only target did not start; see " + log);
        }
        return new GatewayOnlyProcess(p, Integer.parseInt(line.split(" ")[1]));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return child.pid();
    }

    /** SIGKILL: no shutdown hook, no graceful stop; returns once the process is gone. */
    public void kill() throws InterruptedException {
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (!child.isAlive()) {
            return;
        }
        child.getOutputStream().close();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
