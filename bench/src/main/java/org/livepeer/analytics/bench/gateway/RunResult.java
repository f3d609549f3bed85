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
        double maxMs) {

    /** Sustained: no errors, at least 98 % of the asked rate answered, and p99 under 100 ms. */
    boolean sustained() {
        return errors == 0 && achievedPerSecond >= 0.98 * rate && p99Ms < 100;
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "%-6s %-8s rate=%6d req/s achieved=%9.1f req/s (%9.1f events/s) ok=%8d errors=%6d"
                        + " p50=%8.2f p99=%8.2f p99.9=%8.2f max=%8.2f ms %s",
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
                sustained() ? "SUSTAINED" : "not sustained");
    }
}
