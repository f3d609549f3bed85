package org.livepeer.analytics.bench.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The parent's side of one {@link LoadGenMain} child JVM: its protocol lines and its life. */
public final class LoadGenProcess implements AutoCloseable {

    private final Process child;
    private final CompletableFuture<Long> warm = new CompletableFuture<>();
    private final CompletableFuture<Long> started = new CompletableFuture<>();
    private final CompletableFuture<LoadResult> result = new CompletableFuture<>();
    private final AtomicLong progressAcked = new AtomicLong();

    private LoadGenProcess(Process child) {
        this.child = child;
        Thread reader = new Thread(this::read, "loadgen-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the child with {@code --name value} options; stderr goes to {@code log}. */
    public static LoadGenProcess start(Map<String, String> options, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(
                List.of(
                        "-Xmx1g",
                        "-XX:+UseParallelGC",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LoadGenMain.class.getName()));
        options.forEach(
                (k, v) -> {
                    command.add("--" + k);
                    command.add(v);
                });
        Process p =
                new ProcessBuilder(command)
                        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
        return new LoadGenProcess(p);
    }

    private void read() {
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "WARM" -> warm.complete(Long.parseLong(f[1]));
                    case "START" -> started.complete(Long.parseLong(f[1]));
                    case "PROGRESS" -> progressAcked.set(Long.parseLong(f[2]));
                    case "RESULT" -> result.complete(LoadResult.fromWire(line));
                    default -> {
                        // other output is not part of the protocol
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
        }
        IllegalStateException gone = new IllegalStateException("load generator ended early");
        warm.completeExceptionally(gone);
        started.completeExceptionally(gone);
        result.completeExceptionally(gone);
    }

    public long pid() {
        return child.pid();
    }

    /** Events the warm-up phase got acknowledged. */
    public long awaitWarm(long timeoutS) throws Exception {
        return warm.get(timeoutS, TimeUnit.SECONDS);
    }

    /** Starts the measured phase; returns its wall-clock start (ms). */
    public long go(long timeoutS) throws Exception {
        OutputStream in = child.getOutputStream();
        in.write("GO\n".getBytes(StandardCharsets.US_ASCII));
        in.flush();
        return started.get(timeoutS, TimeUnit.SECONDS);
    }

    /** Events acknowledged so far in the measured phase (updated every second). */
    public long ackedSoFar() {
        return progressAcked.get();
    }

    public LoadResult awaitResult(long timeoutS) throws Exception {
        return result.get(timeoutS, TimeUnit.SECONDS);
    }

    public boolean isDone() {
        return result.isDone();
    }

    @Override
    public void close() throws InterruptedException {
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
