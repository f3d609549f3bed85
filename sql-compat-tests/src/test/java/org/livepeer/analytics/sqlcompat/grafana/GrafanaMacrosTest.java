package org.livepeer.analytics.sqlcompat.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expansions the ClickHouse data source makes, text for text (docs/grafana.md, "Macros"). */
class GrafanaMacrosTest {
    private static final GrafanaMacros.Range RANGE =
            new GrafanaMacros.Range(
                    Instant.parse("2026-03-02T10:00:00Z"),
                    Instant.parse("2026-03-04T09:30:00Z"),
                    300);
    private static final Map<String, List<String>> VALUES =
            Map.of("orchestrator", List.of("0xa", "0xb", "0xc"), "gateway", List.of("g'1"));

    private static String expand(String sql, Map<String, Selection> selections) {
        return new GrafanaMacros(RANGE, selections, VALUES).expand(sql);
    }

    private static final Map<String, Selection> ALL =
            Map.of("orchestrator", Selection.all(), "gateway", Selection.all());

    @Test
    void timeMacros() {
        assertEquals(
                "t >= toDateTime(1772445600) AND t <= toDateTime(1772616600)"
                        + " AND day >= toDate('2026-03-02') AND day <= toDate('2026-03-04')"
                        + " AND h >= toDateTime(1772445600) AND h <= toDateTime(1772616600)"
                        + " GROUP BY intDiv(x, 300)",
                expand(
                        "$__timeFilter(t) AND $__dateFilter(day) AND h >= $__fromTime AND h <="
                                + " $__toTime GROUP BY intDiv(x, $__interval_s)",
                        ALL));
    }

    @Test
    void intervalIsAtLeastOneSecond() {
        assertEquals(
                "1",
                new GrafanaMacros(
                                new GrafanaMacros.Range(Instant.EPOCH, Instant.EPOCH, 0),
                                Map.of(),
                                Map.of())
                        .expand("$__interval_s"));
    }

    @Test
    void conditionalAllIsOneEqualsOneForAll() {
        String sql =
                "a AND $__conditionalAll(o IN (${orchestrator:singlequote}), $orchestrator) AND b";
        assertEquals("a AND 1=1 AND b", expand(sql, ALL));
        assertEquals(
                "a AND o IN ('0xb','0xc') AND b",
                expand(sql, Map.of("orchestrator", Selection.of(List.of("0xb", "0xc")))));
    }

    @Test
    void conditionalAllKeepsNestedParenthesesAndCommas() {
        String sql =
                "$__conditionalAll(x IN (SELECT y FROM t WHERE z IN (${orchestrator:singlequote})), $orchestrator)";
        assertEquals(
                "x IN (SELECT y FROM t WHERE z IN ('0xa'))",
                expand(sql, Map.of("orchestrator", Selection.of(List.of("0xa")))));
    }

    @Test
    void allWithoutConditionalAllListsEveryValueQuoted() {
        assertEquals(
                "IN ('0xa','0xb','0xc') AND ('g\\'1')",
                expand("IN (${orchestrator:singlequote}) AND (${gateway:singlequote})", ALL));
    }

    @Test
    void refusesWhatItDoesNotProve() {
        assertThrows(IllegalArgumentException.class, () -> expand("$__timeInterval(t)", ALL));
        assertThrows(IllegalArgumentException.class, () -> expand("IN ($orchestrator)", ALL));
        assertThrows(
                IllegalArgumentException.class, () -> expand("IN (${pipeline:singlequote})", ALL));
        assertThrows(
                IllegalArgumentException.class,
                () -> expand("$__conditionalAll(a, b, $orchestrator)", ALL));
    }
}
