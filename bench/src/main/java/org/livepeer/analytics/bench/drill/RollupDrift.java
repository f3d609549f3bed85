package org.livepeer.analytics.bench.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;

/**
 * The shipped drift check {@code clickhouse/queries/orchestrator_hourly_stats_drift.sql}: whether
 * the stored hourly rollup equals a fresh recompute from {@code ai_stream_status}. Run with the
 * defaults its header declares ({@code -- param: name Type = value}, every hour), written in as
 * {@code CAST('value' AS Type)} literals, which ClickHouse 18.16 takes (it has no query
 * parameters).
 */
final class RollupDrift {

    static final String FILE = "clickhouse/queries/orchestrator_hourly_stats_drift.sql";

    private static final Pattern PARAM =
            Pattern.compile(
                    "--\\s*param:\\s*([a-z_][a-z0-9_]*)\\s+([A-Za-z0-9]+)\\s*=\\s*(.*?)\\s*");
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{([a-z_][a-z0-9_]*):([A-Za-z0-9]+)\\}");

    /**
     * The differing (hour, orchestrator) keys at the end, the check's answer as text, and how long
     * it took to find none (NaN: not within the timeout; {@code shipped} false: no query file).
     */
    record Outcome(boolean shipped, long differing, String answer, double secondsToAgree) {}

    private final Path file;

    RollupDrift(Path repo) {
        this.file = repo.resolve(FILE);
    }

    /**
     * Runs the check every 2 s until it finds no difference or {@code timeoutS} passed; a query
     * that fails (a server busy merging) counts as not agreeing yet.
     */
    Outcome awaitAgreement(ClickHouseHttp ch, int timeoutS)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            return new Outcome(false, -1, "", Double.NaN);
        }
        String sql = withDefaults(Files.readString(file, StandardCharsets.UTF_8));
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutS);
        Outcome last = new Outcome(true, -1, "(not run)", Double.NaN);
        while (System.nanoTime() < deadline) {
            try {
                String answer = ch.query(sql + " FORMAT TabSeparatedWithNames");
                long differing = differing(answer);
                if (differing == 0) {
                    return new Outcome(true, 0, answer.strip(), (System.nanoTime() - start) / 1e9);
                }
                last = new Outcome(true, differing, answer.strip(), Double.NaN);
            } catch (RuntimeException e) {
                last = new Outcome(true, -1, "query failed: " + e.getMessage(), Double.NaN);
            }
            TimeUnit.SECONDS.sleep(2);
        }
        return last;
    }

    /**
     * Differences in an answer with a header line: the sum of a {@code differing_keys} column when
     * there is one (a summary row), else the number of rows (one per differing key).
     */
    static long differing(String answerWithNames) {
        List<String> lines = answerWithNames.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return 0;
        }
        int column = Arrays.asList(lines.get(0).split("\t")).indexOf("differing_keys");
        if (column < 0) {
            return lines.size() - 1L;
        }
        long sum = 0;
        for (String row : lines.subList(1, lines.size())) {
            sum += Long.parseLong(row.split("\t")[column]);
        }
        return sum;
    }

    /** The query with each placeholder replaced by its declared default, trailing ';' removed. */
    static String withDefaults(String text) {
        Map<String, String> defaults = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher p = PARAM.matcher(line.trim());
            if (p.matches()) {
                defaults.put(p.group(1), p.group(3));
            }
        }
        Matcher m = PLACEHOLDER.matcher(text.strip().replaceAll(";$", ""));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = defaults.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(FILE + ": no default for " + m.group());
            }
            String literal =
                    "CAST('"
                            + value.replace("\\", "\\\\").replace("'", "\\'")
                            + "' AS "
                            + m.group(2)
                            + ")";
            m.appendReplacement(out, Matcher.quoteReplacement(literal));
        }
        return m.appendTail(out).toString();
    }
}
