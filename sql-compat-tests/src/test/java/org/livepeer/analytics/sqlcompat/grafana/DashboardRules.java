package org.livepeer.analytics.sqlcompat.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our own rules for a dashboard file, beyond what @grafana/schema's types check
 * (build-tools/check-dashboards.sh): every query goes to the provisioned ClickHouse data source as
 * a time series (format 0) or a table (format 1), every variable it uses is defined, panel ids are
 * unique, panels do not overlap, and each panel says what it shows (description, unit, thresholds).
 * {@link #violations} lists every broken rule; empty means the dashboard passes.
 */
public final class DashboardRules {
    static final String CLICKHOUSE_PLUGIN = "grafana-clickhouse-datasource";
    private static final Pattern VARIABLE_USE =
            Pattern.compile("\\$\\{(\\w+)(?::\\w+)?\\}|\\$(\\w+)");
    private static final int GRID_WIDTH = 24;

    private DashboardRules() {}

    public static List<String> violations(Dashboard d, String datasourceUid) {
        List<String> out = new ArrayList<>();
        Set<String> variables = new HashSet<>();
        d.variables().forEach(v -> variables.add(v.name()));
        String datasourceVariableUid =
                d.variables().stream()
                        .filter(v -> "datasource".equals(v.type()))
                        .map(v -> v.json().path("current").path("value").asText())
                        .findFirst()
                        .orElse(null);
        checkIdsAndGrid(d, out);
        for (JsonNode p : d.panels()) {
            if ("row".equals(p.path("type").asText())) {
                continue;
            }
            String where =
                    d.file()
                            + " panel "
                            + p.path("id").asInt()
                            + " '"
                            + p.path("title").asText()
                            + "'";
            checkPresentation(p, where, out);
            for (JsonNode t : p.path("targets")) {
                String tw = where + " target " + t.path("refId").asText();
                String uid = t.path("datasource").path("uid").asText();
                boolean viaVariable = "${datasource}".equals(uid) || "$datasource".equals(uid);
                checkTarget(t, viaVariable ? datasourceVariableUid : uid, datasourceUid, tw, out);
                undefinedVariables(t.path("rawSql").asText(""), variables)
                        .forEach(v -> out.add(tw + ": uses undefined variable $" + v));
            }
        }
        for (Dashboard.Variable v : d.queryVariables()) {
            undefinedVariables(v.query(), variables)
                    .forEach(
                            u ->
                                    out.add(
                                            d.file()
                                                    + " variable "
                                                    + v.name()
                                                    + ": uses undefined variable $"
                                                    + u));
        }
        return out;
    }

    /** A panel says what it shows: a description, a unit and thresholds, and has queries. */
    private static void checkPresentation(JsonNode p, String where, List<String> out) {
        if (p.path("description").asText("").isBlank()) {
            out.add(where + ": no description");
        }
        JsonNode defaults = p.path("fieldConfig").path("defaults");
        if (defaults.path("unit").asText("").isBlank()) {
            out.add(where + ": no unit");
        }
        JsonNode steps = defaults.path("thresholds").path("steps");
        if (!steps.isArray() || steps.isEmpty()) {
            out.add(where + ": no thresholds");
        }
        if (p.path("targets").isEmpty()) {
            out.add(where + ": no targets");
        }
    }

    private static void checkTarget(
            JsonNode t, String resolvedUid, String datasourceUid, String where, List<String> out) {
        if (!datasourceUid.equals(resolvedUid)
                || !CLICKHOUSE_PLUGIN.equals(t.path("datasource").path("type").asText())) {
            out.add(
                    where
                            + ": data source "
                            + t.path("datasource")
                            + " is not the provisioned "
                            + datasourceUid);
        }
        int format = t.path("format").asInt(-1);
        if (!t.path("format").isInt() || (format != 0 && format != 1)) {
            out.add(
                    where
                            + ": format "
                            + t.path("format")
                            + " is neither 0 (time series) nor 1 (table)");
        }
    }

    private static List<String> undefinedVariables(String sql, Set<String> defined) {
        List<String> out = new ArrayList<>();
        Matcher m = VARIABLE_USE.matcher(sql);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!name.startsWith("__") && !defined.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private record Box(String name, int x, int y, int w, int h) {
        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    private static void checkIdsAndGrid(Dashboard d, List<String> out) {
        Set<Integer> ids = new HashSet<>();
        List<Box> boxes = new ArrayList<>();
        for (JsonNode p : d.json().path("panels")) {
            int id = p.path("id").asInt(-1);
            String name = d.file() + " panel " + id + " '" + p.path("title").asText() + "'";
            if (!ids.add(id)) {
                out.add(name + ": panel id " + id + " is not unique");
            }
            JsonNode g = p.path("gridPos");
            Box b =
                    new Box(
                            name,
                            g.path("x").asInt(),
                            g.path("y").asInt(),
                            g.path("w").asInt(),
                            g.path("h").asInt());
            if (b.w() <= 0 || b.h() <= 0 || b.x() < 0 || b.x() + b.w() > GRID_WIDTH) {
                out.add(name + ": grid position " + g + " is outside the 24-column grid");
            }
            for (Box other : boxes) {
                if (b.overlaps(other)) {
                    out.add(name + ": overlaps " + other.name());
                }
            }
            boxes.add(b);
        }
    }
}
