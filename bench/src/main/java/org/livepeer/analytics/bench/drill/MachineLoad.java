package org.livepeer.analytics.bench.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.livepeer.analytics.bench.pipeline.ProcStat;

/**
 * How busy the machine was during a drill: all of its CPUs ({@code /proc/stat}), the drill's own
 * processes (this JVM and every child it waited for: ClickHouse, gateways, load generator) and so
 * the rest, in cores over the window; plus the 1-minute load average at both ends.
 */
final class MachineLoad {

    /** Cores busy over the window: the machine's, the drill's and everything else's. */
    record Window(double seconds, double machineCores, double drillCores, String loadAverage) {

        double otherCores() {
            return Math.max(0, machineCores - drillCores);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%.0f s: machine %.2f cores busy, drill %.2f, others %.2f; load average %s",
                    seconds,
                    machineCores,
                    drillCores,
                    otherCores(),
                    loadAverage);
        }
    }

    private final long startNanos = System.nanoTime();
    private final long machineBusy0;
    private final long drillTicks0;
    private final String loadAverage0;

    private MachineLoad() throws IOException {
        machineBusy0 = machineBusyTicks();
        drillTicks0 = ProcStat.selfAndReapedChildrenTicks();
        loadAverage0 = loadAverage();
    }

    static MachineLoad start() throws IOException {
        return new MachineLoad();
    }

    /** Call once the drill's children have ended, so that their CPU is counted. */
    Window stop() throws IOException {
        double nanos = System.nanoTime() - startNanos;
        return new Window(
                nanos / 1e9,
                (machineBusyTicks() - machineBusy0) * ProcStat.TICK_NANOS / nanos,
                (ProcStat.selfAndReapedChildrenTicks() - drillTicks0) * ProcStat.TICK_NANOS / nanos,
                loadAverage0 + " -> " + loadAverage());
    }

    /** user + nice + system + irq + softirq + steal of the {@code cpu} line: every CPU's ticks. */
    private static long machineBusyTicks() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
        String[] f = cpu.trim().split(" +");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(f[i]);
        }
        return busy;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
