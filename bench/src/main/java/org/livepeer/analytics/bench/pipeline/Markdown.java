package org.livepeer.analytics.bench.pipeline;

import java.util.List;
import java.util.Locale;

/** Markdown tables and the number formats of the results. */
public final class Markdown {

    private Markdown() {}

    public static String table(List<String> header, List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        row(b, header);
        b.append('|');
        for (int i = 0; i < header.size(); i++) {
            b.append("---|");
        }
        b.append('\n');
        for (List<String> r : rows) {
            if (r.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row has " + r.size() + " cells, header " + header.size());
            }
            row(b, r);
        }
        return b.toString();
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|")).append(" |");
        }
        b.append('\n');
    }

    /** 12345 -> "12,345"; negative numbers keep their sign. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** One decimal, or "-" for NaN. */
    public static String one(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Nearest-rank percentile of {@code values} (ms), NaN when empty. */
    static double percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
    }
}
