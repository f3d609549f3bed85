package org.livepeer.analytics.sqlcompat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.livepeer.analytics.sqlcompat.engine.Engine;
import org.livepeer.analytics.sqlcompat.grafana.Dashboard;
import org.livepeer.analytics.sqlcompat.grafana.GrafanaMacros;
import org.livepeer.analytics.sqlcompat.grafana.Selection;

/**
 * The SQL Grafana sends for the dashboards of grafana/dashboards/ over the loaded samples: the time
 * range they span, each variable's values, and each panel query with every variable on All or on
 * its first values.
 */
final class DashboardSql {
    /** An hour: buckets the samples (which span about 100 days) into a few hundred points. */
    private static final long INTERVAL_S = 3600;

    /** How many values a specific selection picks. */
    private static final int SELECTED = 2;

    final GrafanaMacros.Range range;

    /** Dashboard file to variable name to its values (its query's rows on {@code reader}). */
    final Map<String, Map<String, List<String>>> values = new TreeMap<>();

    /**
     * Lists every variable's values on {@code reader} for samples moved relative to {@code
     * loadedAt} ({@link BothLines}).
     */
    DashboardSql(Engine reader, Instant loadedAt) {
        // The samples were moved so that the oldest lands yesterday (SampleRecords); they span
        // about 100 days from there.
        Instant yesterday = loadedAt.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        range =
                new GrafanaMacros.Range(
                        yesterday.minus(Duration.ofDays(1)),
                        yesterday.plus(Duration.ofDays(120)),
                        INTERVAL_S);
        for (Dashboard d : Dashboard.loadAll()) {
            Map<String, List<String>> listed = new HashMap<>();
            for (Dashboard.Variable v : d.queryVariables()) {
                listed.put(v.name(), rows(run(reader, d + " $" + v.name(), variableSql(v))));
            }
            values.put(d.file(), listed);
        }
    }

    /** A variable's query; those use only the time macros. */
    String variableSql(Dashboard.Variable v) {
        return new GrafanaMacros(range, Map.of(), Map.of()).expand(v.query());
    }

    /** A panel query with every variable on All, or on its first {@value #SELECTED} values. */
    String panelSql(Dashboard.Target t, boolean all) {
        Map<String, List<String>> listed = values.get(t.dashboard().file());
        Map<String, Selection> selections = new HashMap<>();
        listed.forEach(
                (name, list) ->
                        selections.put(
                                name,
                                all
                                        ? Selection.all()
                                        : Selection.of(
                                                list.subList(0, Math.min(SELECTED, list.size())))));
        return new GrafanaMacros(range, selections, listed).expand(t.rawSql());
    }

    static List<String> rows(String tsv) {
        return Arrays.stream(tsv.split("\n")).filter(s -> !s.isBlank()).toList();
    }

    /** Runs {@code sql}; a rejection fails the test with what was run and where. */
    static String run(Engine engine, String what, String sql) {
        try {
            return engine.query(sql);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    what + " rejected by " + engine.name() + ": " + e.getMessage() + "\n" + sql, e);
        }
    }
}
