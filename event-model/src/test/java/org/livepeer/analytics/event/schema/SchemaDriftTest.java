package org.livepeer.analytics.event.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.event.json.InvalidJsonException;
import org.livepeer.analytics.event.json.StrictJson;
import org.livepeer.analytics.event.parse.SampleEvents;
import org.livepeer.analytics.event.rows.EventMeta;
import org.livepeer.analytics.event.rows.RowJson;
import org.livepeer.analytics.event.rows.TypedRow;

/**
 * Guards schema drift: for every typed row the samples produce, the keys of its JSONEachRow line
 * equal, in order, the columns of its table in {@code clickhouse/migrations}; every typed table has
 * rows from the samples and a TTL statement gated on a 19.6+ server.
 */
class SchemaDriftTest {

    private static final Path MIGRATIONS = Path.of("..", "clickhouse", "migrations");
    private static final Path ROLLUP_FILES = Path.of("..", "clickhouse", "rollups");
    private static final Pattern CREATE =
            Pattern.compile(
                    "CREATE TABLE IF NOT EXISTS livepeer_analytics\\.(\\w+)\\s*\\((.*?)\\)\\s*ENGINE",
                    Pattern.DOTALL);
    private static final List<String> UNTYPED = List.of("streaming_events", "streaming_events_dlq");

    /**
     * Rollups have no row record of their own and keep their own TTL: tables fed by a materialized
     * view (V014), and those recomputed by a file in clickhouse/rollups/ (docs/schema.md).
     */
    private static final Pattern ROLLUP_TARGET =
            Pattern.compile("CREATE MATERIALIZED VIEW[^;]*?\\sTO livepeer_analytics\\.(\\w+)");

    private static final TreeSet<String> ROLLUPS = new TreeSet<>();

    private static Map<String, List<String>> columnsByTable;
    private static Map<String, TypedRow> rowByTable;

    @BeforeAll
    static void load() throws IOException {
        columnsByTable = new TreeMap<>();
        for (Path file : migrations()) {
            String sql = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = CREATE.matcher(sql);
            while (m.find()) {
                columnsByTable.put(m.group(1), columns(m.group(2)));
            }
            Matcher mv = ROLLUP_TARGET.matcher(sql);
            while (mv.find()) {
                ROLLUPS.add(mv.group(1));
            }
        }
        try (Stream<Path> files = Files.list(ROLLUP_FILES)) {
            files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .forEach(name -> ROLLUPS.add(name.substring(0, name.length() - 4)));
        }
        rowByTable = new LinkedHashMap<>();
        for (SampleEvents.Sample s : SampleEvents.all()) {
            for (TypedRow row : SampleEvents.rowsOf(SampleEvents.parse(s.bytes()))) {
                rowByTable.putIfAbsent(row.table(), row);
            }
        }
    }

    @Test
    void everyTypedTableHasRowsFromTheSamples() {
        TreeSet<String> typed = new TreeSet<>(columnsByTable.keySet());
        UNTYPED.forEach(typed::remove);
        typed.removeAll(ROLLUPS);
        assertEquals(11, typed.size(), typed.toString());
        assertEquals(typed, new TreeSet<>(rowByTable.keySet()));
    }

    @Test
    void rowJsonKeysEqualTheTableColumns() throws InvalidJsonException {
        EventMeta meta = new EventMeta("id", "t", 1767908955607L, "", "test");
        for (Map.Entry<String, TypedRow> e : rowByTable.entrySet()) {
            String line = RowJson.line(meta, e.getValue());
            JsonNode node = StrictJson.parse(line.getBytes(StandardCharsets.UTF_8));
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            assertEquals(columnsByTable.get(e.getKey()), keys, e.getKey());
            assertEquals(RowJson.META_COLUMNS, keys.subList(0, RowJson.META_COLUMNS.size()));
        }
    }

    @Test
    void everyTableGetsATtlOnServersThatSupportIt() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path file : migrations()) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        for (String table : columnsByTable.keySet()) {
            if (ROLLUPS.contains(table)) {
                continue;
            }
            String days =
                    table.equals("streaming_events_dlq")
                            ? "processed_date + INTERVAL 30 DAY"
                            : "event_date + INTERVAL 90 DAY";
            String statement =
                    "ALTER TABLE livepeer_analytics." + table + " MODIFY TTL " + days + ";";
            int at = lines.indexOf(statement);
            assertTrue(at > 0, "missing in the migrations: " + statement);
            assertEquals("-- requires: 19.6", lines.get(at - 1), statement);
        }
    }

    @Test
    void commentsHoldNoSemicolonsSoStatementSplittingIsUnambiguous() throws IOException {
        for (Path file : migrations()) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                assertTrue(
                        !line.strip().startsWith("--") || !line.contains(";"), file + ": " + line);
            }
        }
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d{3}__.*\\.sql"))
                    .sorted()
                    .toList();
        }
    }

    /** Column names of a simple CREATE TABLE column list (one column per line, -- comments). */
    private static List<String> columns(String body) {
        List<String> names = new ArrayList<>();
        for (String raw : body.split("\n")) {
            int comment = raw.indexOf("--");
            String line = (comment < 0 ? raw : raw.substring(0, comment)).trim();
            if (!line.isEmpty()) {
                names.add(line.split("\\s+", 2)[0]);
            }
        }
        return names;
    }
}
