package org.livepeer.analytics.sqlcompat.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dashboard of grafana/dashboards/ keeps {@link DashboardRules}, the pinned versions agree
 * across the files that name them (docs/grafana.md, "Versions"), and each rule catches what it is
 * for.
 */
class DashboardJsonTest {
    private static final String UID = "livepeer-clickhouse";

    static List<Dashboard> dashboards() {
        return Dashboard.loadAll();
    }

    @Test
    void theFourDashboardsAreThere() {
        assertEquals(
                List.of(
                        "network-demand.json",
                        "network-overview.json",
                        "orchestrator-performance.json",
                        "pipeline-health.json"),
                dashboards().stream().map(Dashboard::file).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void keepsTheRules(Dashboard d) {
        assertEquals(List.of(), DashboardRules.violations(d, GrafanaFiles.datasourceUid()));
        assertFalse(d.targets().isEmpty(), d + " has no queries");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void hasAStableUidAndTheDataSourceVariable(Dashboard d) {
        assertTrue(d.json().path("uid").asText().startsWith("livepeer-"), d + " uid");
        assertTrue(
                d.variables().stream().anyMatch(v -> "datasource".equals(v.type())),
                d + " has no datasource variable");
        for (Dashboard.Variable v : d.queryVariables()) {
            assertTrue(v.json().path("multi").asBoolean(), v.name() + " is not multi-select");
            assertTrue(v.json().path("includeAll").asBoolean(), v.name() + " has no All");
            assertTrue(
                    v.json().path("allValue").isMissingNode(),
                    v.name() + ": $__conditionalAll needs All = $__all");
        }
    }

    @Test
    void pinnedVersionsAgree() {
        String grafana =
                GrafanaFiles.find(GrafanaFiles.datasourceFile(), "#\\s+grafana:\\s*(\\S+)");
        String plugin =
                GrafanaFiles.find(
                        GrafanaFiles.datasourceFile(),
                        "#\\s+grafana-clickhouse-datasource:\\s*(\\S+)");
        String docs = GrafanaFiles.read(GrafanaFiles.root().resolve("docs/grafana.md"));
        assertTrue(docs.contains("Grafana " + grafana), "docs/grafana.md names Grafana " + grafana);
        assertTrue(
                docs.contains("grafana-clickhouse-datasource " + plugin),
                "docs/grafana.md names plugin " + plugin);
        assertEquals(
                grafana,
                GrafanaFiles.find(
                        GrafanaFiles.root().resolve("build-tools/check-dashboards.sh"),
                        "^GRAFANA_VERSION=\"([^\"]+)\""),
                "build-tools/check-dashboards.sh checks against another @grafana/schema");
        for (Dashboard d : dashboards()) {
            for (Dashboard.Target t : d.targets()) {
                assertEquals(plugin, t.json().path("pluginVersion").asText(), t + " pluginVersion");
            }
        }
    }

    // ---- each rule fails on what it is for

    private static final String VALID =
            """
            {"uid":"livepeer-x","title":"x","templating":{"list":[
              {"name":"datasource","type":"datasource","current":{"value":"livepeer-clickhouse"}},
              {"name":"gateway","type":"query","query":"SELECT 1"}]},
             "panels":[
              {"id":1,"type":"stat","title":"a","description":"d","gridPos":{"x":0,"y":0,"w":12,"h":4},
               "fieldConfig":{"defaults":{"unit":"short","thresholds":{"steps":[{"color":"green","value":null}]}}},
               "targets":[{"refId":"A","format":1,"datasource":{"type":"grafana-clickhouse-datasource","uid":"${datasource}"},
                           "rawSql":"SELECT 1 WHERE $__conditionalAll(g IN (${gateway:singlequote}), $gateway)"}]},
              {"id":2,"type":"stat","title":"b","description":"d","gridPos":{"x":12,"y":0,"w":12,"h":4},
               "fieldConfig":{"defaults":{"unit":"short","thresholds":{"steps":[{"color":"green","value":null}]}}},
               "targets":[{"refId":"A","format":0,"datasource":{"type":"grafana-clickhouse-datasource","uid":"livepeer-clickhouse"},
                           "rawSql":"SELECT 1"}]}]}
            """;

    private static List<String> violationsOf(UnaryOperator<String> change) {
        return DashboardRules.violations(Dashboard.parse("t.json", change.apply(VALID)), UID);
    }

    @Test
    void theValidExamplePasses() {
        assertEquals(List.of(), violationsOf(s -> s));
    }

    @Test
    void duplicatePanelIds() {
        assertRule("is not unique", s -> s.replace("\"id\":2", "\"id\":1"));
    }

    @Test
    void overlappingPanels() {
        assertRule("overlaps", s -> s.replace("\"x\":12,\"y\":0", "\"x\":6,\"y\":2"));
    }

    @Test
    void panelsOutsideTheGrid() {
        assertRule(
                "outside the 24-column grid",
                s -> s.replace("\"x\":12,\"y\":0,\"w\":12", "\"x\":20,\"y\":9,\"w\":12"));
    }

    @Test
    void anotherDataSource() {
        assertRule(
                "is not the provisioned",
                s -> s.replace("\"uid\":\"livepeer-clickhouse\"}", "\"uid\":\"other\"}"));
        assertRule(
                "is not the provisioned",
                s ->
                        s.replace(
                                "\"current\":{\"value\":\"livepeer-clickhouse\"}",
                                "\"current\":{\"value\":\"x\"}"));
    }

    @Test
    void aFormatThatIsNeitherTimeSeriesNorTable() {
        assertRule(
                "neither 0 (time series) nor 1 (table)",
                s -> s.replace("\"format\":0", "\"format\":2"));
        assertRule(
                "neither 0 (time series) nor 1 (table)",
                s -> s.replace("\"format\":0", "\"format\":\"table\""));
    }

    @Test
    void anUndefinedVariable() {
        assertRule(
                "undefined variable $pipeline",
                s ->
                        s.replace(
                                "\"rawSql\":\"SELECT 1\"",
                                "\"rawSql\":\"SELECT ${pipeline:singlequote}\""));
        assertRule(
                "undefined variable $orchestrator", s -> s.replace("$gateway)", "$orchestrator)"));
    }

    @Test
    void aPanelWithoutDescriptionUnitOrThresholds() {
        assertRule(
                "no description",
                s ->
                        s.replace(
                                "\"description\":\"d\",\"gridPos\":{\"x\":0",
                                "\"gridPos\":{\"x\":0"));
        assertRule("no unit", s -> s.replaceFirst("\"unit\":\"short\",", ""));
        assertRule(
                "no thresholds", s -> s.replaceFirst("\\{\"color\":\"green\",\"value\":null}", ""));
    }

    private static void assertRule(String expected, UnaryOperator<String> change) {
        List<String> v = violationsOf(change);
        assertTrue(
                v.stream().anyMatch(s -> s.contains(expected)),
                "expected '" + expected + "' in " + v);
    }
}
