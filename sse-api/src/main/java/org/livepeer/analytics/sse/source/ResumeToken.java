package org.livepeer.analytics.sse.source;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A position in a topic: for each partition the offset of the last message delivered, written as
 * {@code <partition>-<offset>} joined by {@code _} (e.g. {@code 0-41} or {@code 0-15_1-7_2-22}). It
 * is the SSE {@code id:} of every message, so {@code Last-Event-ID} names where to resume.
 */
public final class ResumeToken {

    private ResumeToken() {}

    /** Formats last-delivered offsets (-1 = nothing delivered yet) as a token. */
    public static String format(long[] lastOffsets) {
        StringBuilder b = new StringBuilder(lastOffsets.length * 8);
        for (int p = 0; p < lastOffsets.length; p++) {
            if (p > 0) {
                b.append('_');
            }
            b.append(p).append('-').append(lastOffsets[p]);
        }
        return b.toString();
    }

    /** The last-delivered offset per partition, or empty when {@code token} is malformed. */
    public static Optional<Map<Integer, Long>> parse(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        Map<Integer, Long> out = new TreeMap<>();
        for (String part : token.trim().split("_")) {
            int dash = part.indexOf('-', 1);
            if (dash < 0) {
                return Optional.empty();
            }
            try {
                int partition = Integer.parseInt(part.substring(0, dash));
                long offset = Long.parseLong(part.substring(dash + 1));
                if (partition < 0 || offset < -1 || out.put(partition, offset) != null) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}
