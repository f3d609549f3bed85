package org.livepeer.analytics.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full Java thread names by native thread id, from {@code jcmd <pid> Thread.print} (a brief
 * safepoint in the target), and the heap figures of {@code jcmd <pid> GC.heap_info}.
 */
final class JavaThreads {

    private static final Pattern THREAD = Pattern.compile("^\"(.*)\" .*\\bnid=0x([0-9a-fA-F]+)");
    private static final Pattern USED = Pattern.compile("\\bused (\\d+)K");
    private static final long JCMD_TIMEOUT_S = 30;

    private JavaThreads() {}

    /** Thread id (the kernel's tid, {@code nid}) to name, from a {@code Thread.print} dump. */
    static Map<Integer, String> parseThreadDump(String dump) {
        Map<Integer, String> names = new HashMap<>();
        for (String line : dump.split("\n")) {
            Matcher m = THREAD.matcher(line);
            if (m.find()) {
                names.put(Integer.parseInt(m.group(2), 16), m.group(1));
            }
        }
        return names;
    }

    /**
     * Heap in use in KiB: the sum of {@code used} over the generation lines of {@code GC.heap_info}
     * (those with a {@code total}; Metaspace's line has none), -1 if none is found.
     */
    static long parseHeapUsedKib(String heapInfo) {
        long used = 0;
        boolean found = false;
        for (String line : heapInfo.split("\n")) {
            if (!line.contains(" total ") || line.contains("Metaspace")) {
                continue;
            }
            Matcher m = USED.matcher(line);
            if (m.find()) {
                used += Long.parseLong(m.group(1));
                found = true;
            }
        }
        return found ? used : -1;
    }

    static Map<Integer, String> names(long pid) {
        return parseThreadDump(jcmd(pid, "Thread.print"));
    }

    static long heapUsedKib(long pid) {
        return parseHeapUsedKib(jcmd(pid, "GC.heap_info"));
    }

    private static String jcmd(long pid, String command) {
        try {
            Process p =
                    new ProcessBuilder(List.of("jcmd", Long.toString(pid), command))
                            .redirectErrorStream(true)
                            .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(JCMD_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
