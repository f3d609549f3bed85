package org.livepeer.analytics.clickhouse.rollup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A rollup table recomputed one hour at a time from its source tables, by the statement in {@code
 * clickhouse/rollups/<table>.sql} (on the classpath as {@code rollups/<table>.sql}). Recomputing
 * instead of adding each insert to the rollup is what keeps a replayed or retried insert from
 * counting twice (docs/schema.md, "Rollups"); the ClickHouse sink recomputes every hour its inserts
 * touched in any source table. A row's hour is that of its event time ({@code event_ts_ms}), or of
 * its processing time ({@code processed_ts_ms}) when the event's could not be read.
 *
 * @param table the rollup table, also the name the sink's checkpointed state knows it by
 * @param sourceTables the tables it is computed from
 * @param statement the recomputation, with {@value #HOUR_START} and {@value #REFRESHED_MS}
 *     placeholders (and {@value #EVENTS_TOPIC} where it needs the events topic's name)
 */
public record HourlyRollup(String table, Set<String> sourceTables, String statement) {

    static final String HOUR_START = "{hour_start:UInt32}";
    static final String REFRESHED_MS = "{refreshed_ms:UInt64}";
    static final String EVENTS_TOPIC = "{events_topic:String}";
    private static final long HOUR_MS = 3_600_000L;

    /** Kafka's legal topic characters: a name of these needs no escaping inside SQL quotes. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** The raw archive (V001): every record read. */
    public static final String RAW_ARCHIVE = "streaming_events";

    /** The dead letters (V001). */
    public static final String DEAD_LETTERS = "streaming_events_dlq";

    /** Every typed table (V002–V012); a test holds this list to the schema's. */
    public static final List<String> TYPED_TABLES =
            List.of(
                    "ai_stream_status",
                    "stream_ingest_metrics",
                    "stream_trace_events",
                    "ai_stream_events",
                    "network_capabilities",
                    "network_capability_capacities",
                    "network_capability_models",
                    "network_capability_prices",
                    "network_capability_hardware",
                    "discovery_results",
                    "payment_events");

    /** Every rollup of the schema, for a processor reading {@code eventsTopic}. */
    public static List<HourlyRollup> all(String eventsTopic) {
        if (!TOPIC_NAME.matcher(eventsTopic).matches()) {
            throw new IllegalArgumentException("not a Kafka topic name: '" + eventsTopic + "'");
        }
        String quotedTopic = "'" + eventsTopic + "'";
        Set<String> rawAndTyped = tables(Stream.of(RAW_ARCHIVE), TYPED_TABLES.stream());
        return Stream.of(
                        load("orchestrator_hourly_stats", Set.of("ai_stream_status")),
                        load(
                                "accounting_minutely",
                                tables(rawAndTyped.stream(), Stream.of(DEAD_LETTERS))),
                        load("table_rows_minutely", rawAndTyped),
                        load("latency_minutely", Set.of(RAW_ARCHIVE)))
                .map(r -> r.withStatement(r.statement.replace(EVENTS_TOPIC, quotedTopic)))
                .toList();
    }

    public HourlyRollup {
        Objects.requireNonNull(table, "table");
        sourceTables = Set.copyOf(sourceTables);
        if (!statement.contains(HOUR_START) || !statement.contains(REFRESHED_MS)) {
            throw new IllegalArgumentException(
                    table + ": statement lacks " + HOUR_START + " or " + REFRESHED_MS);
        }
    }

    /**
     * The SQL expression (a DateTime) that places a row of {@code sourceTable} in its hour, as the
     * sink does: the event time, or for dead letters the processing time when none was read.
     */
    public static String placementSql(String sourceTable) {
        return sourceTable.equals(DEAD_LETTERS)
                ? "if(event_ts_ms > 0, toDateTime(intDiv(event_ts_ms, 1000)), processed_time)"
                : "event_time";
    }

    /** Whether rows written to {@code sourceTable} change this rollup. */
    public boolean fedBy(String sourceTable) {
        return sourceTables.contains(sourceTable);
    }

    /** The start of the hour holding {@code epochMs}, in Unix seconds. */
    public static long hourStartSeconds(long epochMs) {
        return Math.floorDiv(epochMs, HOUR_MS) * (HOUR_MS / 1000);
    }

    /**
     * The statement that recomputes the hour starting at {@code hourStartSeconds}; {@code
     * refreshedMs} must grow from one computation to the next, the newest wins.
     */
    public String recompute(long hourStartSeconds, long refreshedMs) {
        return statement
                .replace(HOUR_START, Long.toString(hourStartSeconds))
                .replace(REFRESHED_MS, Long.toString(refreshedMs));
    }

    private HourlyRollup withStatement(String newStatement) {
        return new HourlyRollup(table, sourceTables, newStatement);
    }

    @SafeVarargs
    private static Set<String> tables(Stream<String>... parts) {
        return Stream.of(parts).flatMap(s -> s).collect(Collectors.toUnmodifiableSet());
    }

    /** The file's header comments stay in the file: they explain it, the server needs none. */
    private static String withoutComments(String text) {
        return text.lines()
                .filter(line -> !line.stripLeading().startsWith("--"))
                .collect(Collectors.joining("\n"))
                .strip();
    }

    private static HourlyRollup load(String table, Set<String> sourceTables) {
        String resource = "rollups/" + table + ".sql";
        try (InputStream in = HourlyRollup.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new HourlyRollup(table, sourceTables, withoutComments(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
