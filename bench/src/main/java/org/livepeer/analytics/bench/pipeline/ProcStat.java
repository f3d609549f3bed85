package org.livepeer.analytics.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time from {@code /proc}: a process's {@code stat} (its threads, living and ended, summed) and
 * each living thread's {@code task/<tid>/stat}. Times are in clock ticks ({@link #TICK_NANOS}).
 */
public final class ProcStat {

    /** {@code getconf CLK_TCK} is 100 on Linux for every architecture we run on. */
    public static final long TICK_NANOS = 10_000_000L;

    private ProcStat() {}

    /** One stat line: its thread (or process) id, {@code comm} and user + system ticks. */
    record Line(int id, String comm, long ticks) {}

    /**
     * Parses a {@code stat} line. {@code comm} is in parentheses and may hold spaces or ')', so the
     * fields are counted from the last ')': state is field 3, utime 14 and stime 15.
     */
    static Line parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        int id = Integer.parseInt(stat.substring(0, open).trim());
        String comm = stat.substring(open + 1, close);
        String[] rest = stat.substring(close + 1).trim().split(" +");
        if (rest.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc stat line: " + stat);
        }
        long utime = Long.parseLong(rest[11]);
        long stime = Long.parseLong(rest[12]);
        return new Line(id, comm, utime + stime);
    }

    /** The process's CPU ticks, ended threads included; -1 when it is gone. */
    static long processTicks(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))).ticks();
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }

    /**
     * CPU ticks of this JVM and of the children it has waited for, with their own waited-for
     * children: utime + stime + cutime + cstime (fields 14 to 17) of {@code /proc/self/stat}.
     */
    public static long selfAndReapedChildrenTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.UTF_8);
        String[] f = stat.substring(stat.lastIndexOf(')') + 1).trim().split(" +");
        return Long.parseLong(f[11])
                + Long.parseLong(f[12])
                + Long.parseLong(f[13])
                + Long.parseLong(f[14]);
    }

    /** The living threads of {@code pid}, by thread id; threads that end while read are skipped. */
    static Map<Integer, Line> threads(long pid) {
        Map<Integer, Line> threads = new HashMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path dir : dirs) {
                try {
                    Line line =
                            parse(Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8));
                    threads.put(line.id(), line);
                } catch (NoSuchFileException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + tasks, e);
        }
        return threads;
    }

    /** Resident set size in KiB ({@code VmRSS} of {@code status}); -1 when unknown. */
    static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
