package org.livepeer.analytics.clickhouse.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One file of {@code clickhouse/queries/}: a single SELECT with a header of comment lines.
 *
 * <pre>
 * -- deterministic: true|false     (first line; true = same rows on every engine, needs ORDER BY)
 * -- param: name Type = default    (one per {name:Type} placeholder the query uses)
 * </pre>
 *
 * Placeholders use ClickHouse's own query-parameter syntax, so servers from 19.x on take them as
 * {@code param_name} HTTP parameters; for 18.16, which has no query parameters, {@link #expand}
 * writes the values in as literals, which every version accepts.
 */
public record ShippedQuery(
        String file, boolean deterministic, Map<String, Param> params, String sql) {

    /** A declared parameter: its ClickHouse type and its default value, as text. */
    public record Param(String type, String defaultValue) {}

    private static final Pattern DETERMINISTIC =
            Pattern.compile("--\\s*deterministic:\\s*(true|false)\\s*");
    private static final Pattern PARAM =
            Pattern.compile(
                    "--\\s*param:\\s*([a-z_][a-z0-9_]*)\\s+([A-Za-z0-9]+)\\s*=\\s*(.*?)\\s*");
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{([a-z_][a-z0-9_]*):([A-Za-z0-9]+)\\}");
    private static final Pattern NUMERIC_TYPE = Pattern.compile("U?Int\\d+|Float\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** Where the files are on the classpath (the clickhouse-schema jar ships them). */
    public static final String RESOURCE_PREFIX = "queries/";

    /** The file {@code file} (e.g. {@code orchestrator_hourly_stats.sql}) from the classpath. */
    public static ShippedQuery resource(String file) {
        String name = RESOURCE_PREFIX + file;
        try (InputStream in = ShippedQuery.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException(name + " is not on the classpath");
            }
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Every {@code *.sql} in {@code dir}, by file name. */
    public static List<ShippedQuery> loadAll(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<ShippedQuery> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                out.add(
                        parse(
                                f.getFileName().toString(),
                                Files.readString(f, StandardCharsets.UTF_8)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Parses one file and checks its header against its body.
     *
     * @throws IllegalArgumentException naming the file and the broken rule
     */
    public static ShippedQuery parse(String file, String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        Matcher det = DETERMINISTIC.matcher(lines[0].trim());
        if (!det.matches()) {
            throw new IllegalArgumentException(
                    file + ": first line must be '-- deterministic: true|false'");
        }
        Map<String, Param> params = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher p = PARAM.matcher(line.trim());
            if (p.matches()) {
                params.put(p.group(1), new Param(p.group(2), p.group(3)));
            }
        }
        String sql = text.strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        ShippedQuery q = new ShippedQuery(file, Boolean.parseBoolean(det.group(1)), params, sql);
        q.check();
        return q;
    }

    private void check() {
        Matcher m = PLACEHOLDER.matcher(sql);
        List<String> used = new ArrayList<>();
        while (m.find()) {
            Param declared = params.get(m.group(1));
            if (declared == null || !declared.type().equals(m.group(2))) {
                throw new IllegalArgumentException(
                        file + ": placeholder " + m.group() + " has no matching '-- param:' line");
            }
            used.add(m.group(1));
        }
        for (String name : params.keySet()) {
            if (!used.contains(name)) {
                throw new IllegalArgumentException(file + ": param " + name + " is never used");
            }
        }
        if (deterministic && !sql.toUpperCase().contains("ORDER BY")) {
            throw new IllegalArgumentException(
                    file + ": a deterministic query needs ORDER BY to compare rows");
        }
    }

    /** The SQL with every placeholder replaced by its default, or by {@code values} if given. */
    public String expand(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Param p = params.get(m.group(1));
            String value = values.getOrDefault(m.group(1), p.defaultValue());
            m.appendReplacement(out, Matcher.quoteReplacement(literal(p.type(), value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String literal(String type, String value) {
        if (NUMERIC_TYPE.matcher(type).matches()) {
            if (!NUMBER.matcher(value).matches()) {
                throw new IllegalArgumentException(file + ": '" + value + "' is not a " + type);
            }
            return value;
        }
        String quoted = "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        // Typed like a bound parameter would be: a Date compares as a Date, not as a string.
        return "String".equals(type) ? quoted : "CAST(" + quoted + " AS " + type + ")";
    }

    @Override
    public String toString() {
        return file;
    }
}
