package org.livepeer.analytics.sqlcompat.grafana;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a panel's SQL into what the ClickHouse data source (grafana-clickhouse-datasource 4.x)
 * sends to the server, in the plugin's own order (docs/grafana.md, "Macros"):
 *
 * <ol>
 *   <li>in the browser, {@code $__conditionalAll(condition, $var)} becomes {@code 1=1} when {@code
 *       var} selects All, else {@code condition} (arguments split at top-level commas);
 *   <li>Grafana replaces template variables; we allow only {@code ${var:singlequote}} ({@code
 *       'a','b'}; All without a custom all value lists every value);
 *   <li>the plugin's backend expands the time macros: {@code $__timeFilter(c)} is {@code c >=
 *       toDateTime(from) AND c <= toDateTime(to)} (Unix seconds), {@code $__dateFilter(c)} is
 *       {@code c >= toDate('from day') AND c <= toDate('to day')}, {@code $__fromTime}/{@code
 *       $__toTime} are {@code toDateTime(s)}, {@code $__interval_s} is the interval in whole
 *       seconds (at least 1).
 * </ol>
 *
 * Anything else left with a {@code $} fails: a panel may not depend on a macro we do not prove.
 */
public final class GrafanaMacros {
    private static final String CONDITIONAL_ALL = "$__conditionalAll(";
    private static final Pattern VAR_ARG = Pattern.compile("^\\$\\{?(\\w+)\\}?$");
    private static final Pattern TEMPLATE_VAR =
            Pattern.compile("\\$\\{(\\w+)(?::(\\w+))?\\}|\\$(?!__)(\\w+)");
    private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^()]+)\\)");
    private static final Pattern DATE_FILTER = Pattern.compile("\\$__dateFilter\\(([^()]+)\\)");
    private static final Pattern FROM_TIME = Pattern.compile("\\$__fromTime\\b");
    private static final Pattern TO_TIME = Pattern.compile("\\$__toTime\\b");
    private static final Pattern INTERVAL_S = Pattern.compile("\\$__interval_s\\b");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** The dashboard's time range and the interval Grafana computed for the panel. */
    public record Range(Instant from, Instant to, long intervalSeconds) {}

    private final Range range;
    private final Map<String, Selection> selections;
    private final Map<String, List<String>> allValues;

    /**
     * @param selections every template variable's selection, by name
     * @param allValues every variable's values (what its query returned), for All
     */
    public GrafanaMacros(
            Range range, Map<String, Selection> selections, Map<String, List<String>> allValues) {
        this.range = range;
        this.selections = Map.copyOf(selections);
        this.allValues = Map.copyOf(allValues);
    }

    /** The SQL the server receives for {@code rawSql}. */
    public String expand(String rawSql) {
        String sql = conditionalAll(rawSql);
        sql = templateVariables(sql);
        sql = replaceEach(TIME_FILTER, sql, m -> timeFilter(m.group(1).trim()));
        sql = replaceEach(DATE_FILTER, sql, m -> dateFilter(m.group(1).trim()));
        sql = replaceEach(FROM_TIME, sql, m -> "toDateTime(" + range.from().getEpochSecond() + ")");
        sql = replaceEach(TO_TIME, sql, m -> "toDateTime(" + range.to().getEpochSecond() + ")");
        sql =
                replaceEach(
                        INTERVAL_S, sql, m -> Long.toString(Math.max(range.intervalSeconds(), 1)));
        int left = sql.indexOf('$');
        if (left >= 0) {
            throw new IllegalArgumentException(
                    "unexpanded macro or variable at: "
                            + sql.substring(left, Math.min(sql.length(), left + 40)));
        }
        return sql;
    }

    private String conditionalAll(String sql) {
        String out = sql;
        int at = out.lastIndexOf(CONDITIONAL_ALL);
        while (at >= 0) {
            int open = at + CONDITIONAL_ALL.length() - 1;
            int close = closingParen(out, open);
            List<String> args = topLevelArgs(out.substring(open + 1, close));
            if (args.size() != 2) {
                throw new IllegalArgumentException(
                        "$__conditionalAll needs 2 arguments: " + out.substring(at, close + 1));
            }
            Matcher var = VAR_ARG.matcher(args.get(1).trim());
            if (!var.matches()) {
                throw new IllegalArgumentException(
                        "$__conditionalAll's second argument is not a variable: " + args.get(1));
            }
            String phrase = selection(var.group(1)) instanceof Selection.All ? "1=1" : args.get(0);
            out = out.substring(0, at) + phrase + out.substring(close + 1);
            at = out.lastIndexOf(CONDITIONAL_ALL);
        }
        return out;
    }

    private static int closingParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses after: " + s.substring(open));
    }

    private static List<String> topLevelArgs(String inner) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        args.add(inner.substring(start));
        return args;
    }

    private String templateVariables(String sql) {
        return replaceEach(
                TEMPLATE_VAR,
                sql,
                m -> {
                    String name = m.group(1) != null ? m.group(1) : m.group(3);
                    if (!"singlequote".equals(m.group(2))) {
                        throw new IllegalArgumentException(
                                "variable "
                                        + m.group()
                                        + ": write ${"
                                        + name
                                        + ":singlequote} (or use it in $__conditionalAll)");
                    }
                    List<String> values =
                            selection(name) instanceof Selection.Values v
                                    ? v.values()
                                    : allValues.getOrDefault(name, List.of());
                    return String.join(
                            ",",
                            values.stream()
                                    .map(
                                            v ->
                                                    "'"
                                                            + v.replace("\\", "\\\\")
                                                                    .replace("'", "\\'")
                                                            + "'")
                                    .toList());
                });
    }

    private Selection selection(String name) {
        Selection s = selections.get(name);
        if (s == null) {
            throw new IllegalArgumentException("variable $" + name + " is not defined");
        }
        return s;
    }

    private String timeFilter(String column) {
        return column
                + " >= toDateTime("
                + range.from().getEpochSecond()
                + ") AND "
                + column
                + " <= toDateTime("
                + range.to().getEpochSecond()
                + ")";
    }

    private String dateFilter(String column) {
        return column
                + " >= toDate('"
                + DAY.format(range.from())
                + "') AND "
                + column
                + " <= toDate('"
                + DAY.format(range.to())
                + "')";
    }

    private interface Replacement {
        String apply(Matcher m);
    }

    private static String replaceEach(Pattern p, String s, Replacement r) {
        Matcher m = p.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(r.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
