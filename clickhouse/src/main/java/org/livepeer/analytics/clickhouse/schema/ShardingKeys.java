package org.livepeer.analytics.clickhouse.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.livepeer.analytics.clickhouse.rollup.HourlyRollup;

/**
 * The sharding key of every table the migrations create, for a schema laid out on a cluster ({@link
 * ClusterSchema}; docs/operations.md, "ClickHouse shards").
 *
 * <p>A key must send every copy of a row to the same shard: the tables are ReplacingMergeTrees and
 * collapse copies only within one server. So each key is a function of columns of the table's
 * {@code ORDER BY}: the event id for the raw archive and the typed tables (a replayed event lands
 * where its first copy did), the Kafka position for dead letters (which may have no id), and the
 * hour for the rollups (a recomputed hour replaces the earlier computation on its shard).
 */
public final class ShardingKeys {
    private static final String BY_EVENT = "cityHash64(event_id)";
    private static final String BY_MINUTE_HOUR = "cityHash64(toStartOfHour(minute))";

    private static final Map<String, String> KEYS = keys();

    private ShardingKeys() {}

    /** The sharding key of {@code table} (its name without database), if it is a table. */
    public static Optional<String> of(String table) {
        return Optional.ofNullable(KEYS.get(table));
    }

    /** Every table with a key, in the order of the migrations. */
    public static Map<String, String> all() {
        return KEYS;
    }

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(Migrator.HISTORY_TABLE, "version");
        keys.put(HourlyRollup.RAW_ARCHIVE, BY_EVENT);
        keys.put(
                HourlyRollup.DEAD_LETTERS,
                "cityHash64(kafka_topic, kafka_partition, kafka_offset)");
        HourlyRollup.TYPED_TABLES.forEach(t -> keys.put(t, BY_EVENT));
        keys.put("orchestrator_hourly_stats", "cityHash64(hour)");
        keys.put("accounting_minutely", BY_MINUTE_HOUR);
        keys.put("table_rows_minutely", BY_MINUTE_HOUR);
        keys.put("latency_minutely", BY_MINUTE_HOUR);
        return Collections.unmodifiableMap(keys);
    }
}
