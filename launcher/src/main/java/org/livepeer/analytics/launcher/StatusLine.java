package org.livepeer.analytics.launcher;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** One line per component while the embedded default starts: what, where, and how long it took. */
final class StatusLine {

    private final PrintStream out;

    StatusLine(PrintStream out) {
        this.out = out;
    }

    /** Runs {@code step}, then prints "[ ok ] component detail (1.2 s)" or the failure. */
    <T> T step(String component, Callable<T> step, Function<T, String> detail) throws Exception {
        long started = System.nanoTime();
        out.printf("[ .. ] %-14s starting%n", component);
        try {
            T result = step.call();
            out.printf(
                    "[ ok ] %-14s %s (%.1f s)%n",
                    component, detail.apply(result), (System.nanoTime() - started) / 1e9);
            return result;
        } catch (Exception e) {
            out.printf("[FAIL] %-14s %s%n", component, e.getMessage());
            throw e;
        }
    }

    void say(String line) {
        out.println(line);
    }
}
