package org.livepeer.analytics.bench.gateway;

import java.util.Locale;

/**
 * One fixed-rate run: what was asked, what was answered 202 in the measured window, and the ack
 * latency percentiles (ms, from each request's due time).
 */
record RunResult(
        String target,
        BodyForm form,
        int rate,
        double achievedPerSecond,
        long ok,
        long errors,
        double p50Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        double clientCpuUs,
        double serverCpuUs) {

    /** The same result with the CPU per request (µs) of the load generator and the server JVM. */
    RunResult withCpu(double clientMicros, double serverMicros) {
        return new RunResult(
                target,
                form,
                rate,
                achievedPerSecond,
                ok,
                errors,
                p50Ms,
                p99Ms,
                p999Ms,
                maxMs,
                clientMicros,
                serverMicros);
    }

    /** Sustained: no errors, at least 98 % of the asked rate answered, and p99 under 100 ms. */
    boolean sustained() {
        return errors == 0 && achievedPerSecond >= 0.98 * rate && p99Ms < 100;
    }

    /** One line of space-separated fields, how {@link LoadMain} hands its result over. */
    String wire() {
        return String.join(
                " ",
                "RESULT",
                target,
                form.name(),
                Integer.toString(rate),
                Double.toString(achievedPerSecond),
                Long.toString(ok),
                Long.toString(errors),
                Double.toString(p50Ms),
                Double.toString(p99Ms),
                Double.toString(p999Ms),
                Double.toString(maxMs),
                Double.toString(clientCpuUs),
                Double.toString(serverCpuUs));
    }

    static RunResult fromWire(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 13 || !f[0].equals("RESULT")) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        return new RunResult(
                f[1],
                BodyForm.valueOf(f[2]),
                Integer.parseInt(f[3]),
                Double.parseDouble(f[4]),
                Long.parseLong(f[5]),
                Long.parseLong(f[6]),
                Double.parseDouble(f[7]),
                Double.parseDouble(f[8]),
                Double.parseDouble(f[9]),
                Double.parseDouble(f[10]),
                Double.parseDouble(f[11]),
                Double.parseDouble(f[12]));
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "%-6s %-8s rate=%6d req/s achieved=%9.1f req/s (%9.1f events/s) ok=%8d errors=%6d"
                        + " p50=%8.2f p99=%8.2f p99.9=%8.2f max=%8.2f ms cpu/req client=%.1f"
                        + " server=%.1f us %s",
                target,
                form,
                rate,
                achievedPerSecond,
                achievedPerSecond * form.events(),
                ok,
                errors,
                p50Ms,
                p99Ms,
                p999Ms,
                maxMs,
                clientCpuUs,
                serverCpuUs,
                sustained() ? "SUSTAINED" : "not sustained");
    }
}
