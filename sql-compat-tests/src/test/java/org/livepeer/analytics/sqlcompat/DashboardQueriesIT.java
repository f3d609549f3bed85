package org.livepeer.analytics.sqlcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.livepeer.analytics.sqlcompat.engine.Engine;
import org.livepeer.analytics.sqlcompat.engine.ServerEngine;
import org.livepeer.analytics.sqlcompat.grafana.Dashboard;
import org.livepeer.analytics.sqlcompat.grafana.GrafanaMacros;
import org.livepeer.analytics.sqlcompat.grafana.Selection;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.WithClickHouse;

/**
 * Every panel query and variable query of grafana/dashboards/ on both ClickHouse lines (decision
 * 0004), as the ClickHouse data source would send it (macros and variables expanded by {@link
 * GrafanaMacros}), over the sample events, on 18.16 as the read-only reader Grafana logs in as:
 * with every variable on All, each query must return rows; with a specific multi-selection (the
 * first two values of each variable) it must run; both lines must return the same rows either way.
 * Data-driven: a new panel is covered without a change here.
 */
@WithClickHouse(migrate = false)
class DashboardQueriesIT {
    private static BothLines lines;

    /** 18.16 as Grafana reads it: the read-only reader (docs/schema.md, "Users"). */
    private static Engine reader;

    private static DashboardSql dashboards;

    @BeforeAll
    static void migrateAndLoad(ClickHouseTestServer server, @TempDir Path chdbDir) {
        lines = BothLines.open(server, chdbDir);
        // The plugin (clickhouse-go) sends max_execution_time with every query.
        reader = new ServerEngine(server.reader(), Map.of("max_execution_time", "60"));
        dashboards = new DashboardSql(reader, lines.loadedAt);
    }

    @AfterAll
    static void close() {
        if (lines != null) {
            lines.close();
        }
    }

    static List<Arguments> targets() {
        List<Arguments> out = new ArrayList<>();
        for (Dashboard d : Dashboard.loadAll()) {
            for (Dashboard.Target t : d.targets()) {
                out.add(Arguments.of(t, true));
                out.add(Arguments.of(t, false));
            }
        }
        return out;
    }

    static List<Arguments> variables() {
        List<Arguments> out = new ArrayList<>();
        for (Dashboard d : Dashboard.loadAll()) {
            for (Dashboard.Variable v : d.queryVariables()) {
                out.add(Arguments.of(d, v.name(), v));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} ${1}")
    @MethodSource("variables")
    void everyVariableListsValuesOnBothLines(Dashboard d, String name, Dashboard.Variable v) {
        String sql = dashboards.variableSql(v);
        String old = run(reader, d + " $" + name, sql);
        String current = run(lines.newLine, d + " $" + name, sql);
        assertFalse(old.isBlank(), d + " $" + name + " lists no values for the samples");
        assertEquals(old, current, d + " $" + name + ": 18.16 and 26.x list different values");
    }

    @ParameterizedTest(name = "{0} all={1}")
    @MethodSource("targets")
    void everyPanelQueryRunsOnBothLines(Dashboard.Target t, boolean all) {
        String sql = dashboards.panelSql(t, all);
        String old = run(reader, t.toString(), sql);
        String current = run(lines.newLine, t.toString(), sql);
        if (all) {
            assertFalse(old.isBlank(), t + " returned no rows for the samples on 18.16:\n" + sql);
        }
        assertEquals(old, current, t + ": 18.16 and 26.x returned different rows for\n" + sql);
    }

    @Test
    void aSelectionFiltersTheRows() {
        // The orchestrator filter is live: one orchestrator's streams are fewer than all streams.
        Dashboard overview =
                Dashboard.loadAll().stream()
                        .filter(d -> d.file().equals("network-overview.json"))
                        .findFirst()
                        .orElseThrow();
        Dashboard.Target active = overview.targets().get(0);
        Map<String, List<String>> values = dashboards.values.get(overview.file());
        assertTrue(values.get("orchestrator").size() > 1, "samples have several orchestrators");
        Map<String, Selection> one = new HashMap<>();
        Map<String, Selection> all = new HashMap<>();
        values.keySet().forEach(k -> all.put(k, Selection.all()));
        one.putAll(all);
        one.put("orchestrator", Selection.of(values.get("orchestrator").subList(0, 1)));
        long everyStream = count(expand(all, values, active));
        long oneOrchestrator = count(expand(one, values, active));
        assertTrue(
                0 < oneOrchestrator && oneOrchestrator < everyStream,
                "one orchestrator " + oneOrchestrator + ", all " + everyStream);
    }

    private static String expand(
            Map<String, Selection> selections,
            Map<String, List<String>> values,
            Dashboard.Target target) {
        return new GrafanaMacros(dashboards.range, selections, values).expand(target.rawSql());
    }

    private static long count(String sql) {
        return Long.parseLong(run(reader, "count", sql).trim());
    }

    private static String run(Engine engine, String what, String sql) {
        return DashboardSql.run(engine, what, sql);
    }
}
