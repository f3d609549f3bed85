package org.livepeer.analytics.bench.gateway;

import java.util.Locale;

/**
 * One run: what was offered (a fixed rate, or a number of closed-loop connections), what was
 * answered 2xx in the measured window, and the latency percentiles (ms; open model: from each
 * request's due time, closed loop: from its sending).
 *
 * @param load the asked rate in req/s ({@link LoadModel#OPEN}) or the connections ({@link
 *     LoadModel#CLOSED})
 * @param requests every request of the run, warm-up included: what the CPU times are divided by
 * @param gatewayCpuUs the part of {@code serverCpuUs} spent in the gateway's threads ({@link
 *     GatewayThreadsCpu})
 */
record RunResult(
        String target,
        BodyForm form,
        LoadModel model,
        int load,
        double achievedPerSecond,
        long ok,
        long errors,
        long requests,
        double p50Ms,
        double p99Ms,
        double p999Ms,
        double maxMs,
        double clientCpuUs,
        double serverCpuUs,
        double gatewayCpuUs) {

    /** The same result with the CPU per request (µs) of the load generator and the server side. */
    RunResult withCpu(double clientMicros, double serverMicros, double gatewayMicros) {
        return new RunResult(
                target,
                form,
                model,
                load,
                achievedPerSecond,
                ok,
                errors,
                requests,
                p50Ms,
                p99Ms,
                p999Ms,
                maxMs,
                clientMicros,
                serverMicros,
                gatewayMicros);
    }

    /**
     * Sustained (open model): no errors, at least 98 % of the asked rate answered, and p99 under
     * 100 ms. A closed loop runs at whatever rate the server gives, so only the first and last
     * hold.
     */
    boolean sustained() {
        boolean rateMet = model == LoadModel.CLOSED || achievedPerSecond >= 0.98 * load;
        return errors == 0 && rateMet && p99Ms < 100;
    }

    /** One line of space-separated fields, how {@link LoadMain} hands its result over. */
    String wire() {
        return String.join(
                " ",
                "RESULT",
                target,
                form.name(),
                model.name(),
                Integer.toString(load),
                Double.toString(achievedPerSecond),
                Long.toString(ok),
                Long.toString(errors),
                Long.toString(requests),
                Double.toString(p50Ms),
                Double.toString(p99Ms),
                Double.toString(p999Ms),
                Double.toString(maxMs),
                Double.toString(clientCpuUs),
                Double.toString(serverCpuUs),
                Double.toString(gatewayCpuUs));
    }

    static RunResult fromWire(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 16 || !f[0].equals("RESULT")) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        return new RunResult(
                f[1],
                BodyForm.valueOf(f[2]),
                LoadModel.valueOf(f[3]),
                Integer.parseInt(f[4]),
                Double.parseDouble(f[5]),
                Long.parseLong(f[6]),
                Long.parseLong(f[7]),
                Long.parseLong(f[8]),
                Double.parseDouble(f[9]),
                Double.parseDouble(f[10]),
                Double.parseDouble(f[11]),
                Double.parseDouble(f[12]),
                Double.parseDouble(f[13]),
                Double.parseDouble(f[14]),
                Double.parseDouble(f[15]));
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "%-8s %-8s %s=%6d achieved=%9.1f req/s (%9.1f events/s) ok=%8d errors=%6d"
                        + " p50=%8.2f p99=%8.2f p99.9=%8.2f max=%8.2f ms cpu/req client=%.1f"
                        + " server=%.1f (gateway threads %.1f) us %s",
                target,
                form,
                model == LoadModel.OPEN ? "rate" : "conns",
                load,
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
                gatewayCpuUs,
                sustained() ? "SUSTAINED" : "not sustained");
    }
}
