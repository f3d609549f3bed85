package org.livepeer.analytics.bench.grafana;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.sqlcompat.grafana.Dashboard;
import org.livepeer.analytics.sqlcompat.grafana.GrafanaMacros;
import org.livepeer.analytics.sqlcompat.grafana.Selection;
import org.livepeer.analytics.wire.WireTopics;

/**
 * Every Grafana panel query (and variable query) over generated rows on ClickHouse 18.16, as the
 * read-only reader, with the macros expanded as the plugin does (the same {@link GrafanaMacros} the
 * tests prove). Prints one Markdown table: per query, p50 and p95 of the timed runs for the
 * dashboards' default range (last 24 h, 60 s buckets) with every variable on All and with two
 * values selected, and for the last 7 days (600 s buckets) on All (docs/benchmarks.md, "Grafana
 * panels").
 *
 * <pre>
 *   GrafanaPanelBench [events=10000000] [runs=7] [days=30] [dashboards dir=grafana/dashboards]
 * </pre>
 */
public final class GrafanaPanelBench {
    private static final int SELECTED = 2;

    /** The scenarios read at most the last 7 days; a day more covers the first partial hour. */
    private static final int ROLLUP_DAYS = 8;

    record Scenario(String name, Duration range, long intervalS, boolean all) {}

    private static final List<Scenario> SCENARIOS =
            List.of(
                    new Scenario("24 h, All", Duration.ofHours(24), 60, true),
                    new Scenario("24 h, 2 selected", Duration.ofHours(24), 60, false),
                    new Scenario("7 d, All", Duration.ofDays(7), 600, true));

    private GrafanaPanelBench() {}

    public static void main(String[] args) throws IOException {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path dashboards = Path.of(args.length > 3 ? args[3] : "grafana/dashboards");
        Path data = Files.createTempDirectory("grafana-bench");
        try (ClickHouseServerProcess ch =
                ClickHouseServerProcess.start(ClickHouseServerSettings.forDataDir(data))) {
            ClickHouseHttp admin = ch.client(ch.admin());
            new Migrator(admin).migrate();
            Instant end = Instant.now();
            load(admin, new BenchRows(end.toEpochMilli(), days), events);
            ClickHouseHttp reader = ch.client(ch.reader());
            System.out.println(run(reader, Dashboard.loadAll(dashboards), end, runs));
        }
    }

    private static void load(ClickHouseHttp admin, BenchRows rows, long events) {
        long t0 = System.nanoTime();
        List<String> statements = new ArrayList<>(rows.typed(events));
        statements.add(rows.raw(events));
        statements.add(rows.deadLetters(events / 100));
        for (String sql : statements) {
            admin.execute(sql);
        }
        System.err.println(recomputeRollups(admin, rows.endMs()));
        // Measure on settled tables: wait for the background merges of the load to finish.
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline
                && !"0".equals(admin.query("SELECT count() FROM system.merges").trim())) {
            admin.query("SELECT sleep(1)");
        }
        String counts =
                admin.query(
                        "SELECT table, sum(rows) FROM system.parts WHERE active AND database ="
                                + " 'livepeer_analytics' GROUP BY table ORDER BY table");
        System.err.printf(
                "loaded in %d s:%n%s%n",
                Duration.ofNanos(System.nanoTime() - t0).toSeconds(), counts);
    }

    /**
     * Every rollup, one hour at a time as the processor's sink recomputes them, for the hours the
     * scenarios read (the last {@value #ROLLUP_DAYS} days); returns each rollup's recomputation
     * time per hour (median and slowest, ms), the sink's cost at this data rate.
     */
    private static String recomputeRollups(ClickHouseHttp admin, long endMs) {
        long lastHour = HourlyRollup.hourStartSeconds(endMs);
        StringBuilder out = new StringBuilder("recomputation of one hour, p50 / max ms:\n");
        for (HourlyRollup rollup : HourlyRollup.all(WireTopics.EVENTS)) {
            int hours = ROLLUP_DAYS * 24 + 1;
            long[] ms = new long[hours];
            for (int h = 0; h < hours; h++) {
                long t0 = System.nanoTime();
                admin.execute(rollup.recompute(lastHour - h * 3600L, 1));
                ms[h] = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            }
            Arrays.sort(ms);
            out.append(
                    String.format("  %s: %d / %d%n", rollup.table(), ms[hours / 2], ms[hours - 1]));
        }
        return out.toString();
    }

    private static String run(
            ClickHouseHttp reader, List<Dashboard> dashboards, Instant end, int runs) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (int s = 0; s < SCENARIOS.size(); s++) {
            Scenario sc = SCENARIOS.get(s);
            GrafanaMacros.Range range =
                    new GrafanaMacros.Range(end.minus(sc.range()), end, sc.intervalS());
            for (Dashboard d : dashboards) {
                Map<String, List<String>> values = new HashMap<>();
                for (Dashboard.Variable v : d.queryVariables()) {
                    String sql = new GrafanaMacros(range, Map.of(), Map.of()).expand(v.query());
                    values.put(v.name(), lines(reader.query(sql)));
                    row(rows, d.file() + " | variable $" + v.name(), s)[s] =
                            time(reader, sql, runs);
                }
                GrafanaMacros macros =
                        new GrafanaMacros(range, selections(values, sc.all()), values);
                for (Dashboard.Target t : d.targets()) {
                    String key =
                            d.file()
                                    + " | #"
                                    + t.panelId()
                                    + " "
                                    + t.panelTitle()
                                    + " ["
                                    + t.refId()
                                    + "]";
                    row(rows, key, s)[s] = time(reader, macros.expand(t.rawSql()), runs);
                }
            }
        }
        StringBuilder out = new StringBuilder("| dashboard | query |");
        SCENARIOS.forEach(sc -> out.append(' ').append(sc.name()).append(": p50 / p95 ms |"));
        out.append("\n|---|---|").append("---:|".repeat(SCENARIOS.size())).append('\n');
        rows.forEach(
                (k, v) ->
                        out.append("| ")
                                .append(k)
                                .append(" | ")
                                .append(String.join(" | ", v))
                                .append(" |\n"));
        return out.toString();
    }

    private static String[] row(Map<String, String[]> rows, String key, int scenario) {
        return rows.computeIfAbsent(
                key,
                k -> {
                    String[] cells = new String[SCENARIOS.size()];
                    Arrays.fill(cells, "");
                    return cells;
                });
    }

    private static Map<String, Selection> selections(
            Map<String, List<String>> values, boolean all) {
        Map<String, Selection> out = new HashMap<>();
        values.forEach(
                (name, list) ->
                        out.put(
                                name,
                                all || list.isEmpty()
                                        ? Selection.all()
                                        : Selection.of(
                                                list.subList(0, Math.min(SELECTED, list.size())))));
        return out;
    }

    /** One warm-up, then {@code runs} timed runs: "p50 / p95" in ms (nearest rank). */
    private static String time(ClickHouseHttp reader, String sql, int runs) {
        reader.query(sql);
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            reader.query(sql);
            ms[i] = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        }
        Arrays.sort(ms);
        long p50 = ms[(int) Math.ceil(0.5 * runs) - 1];
        long p95 = ms[(int) Math.ceil(0.95 * runs) - 1];
        return p50 + " / " + p95;
    }

    private static List<String> lines(String tsv) {
        return Arrays.stream(tsv.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
