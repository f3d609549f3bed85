package org.livepeer.analytics.clickhouse.http;

import java.util.Map;

/**
 * The setting every writer of this project sends with its inserts. Into a plain table it changes
 * nothing; into a {@code Distributed} table (a schema laid out on shards, docs/operations.md,
 * "ClickHouse shards") it makes the insert return only once every shard holds its rows, instead of
 * queueing them on the receiving server. The sink relies on that twice: a checkpoint completes only
 * when the rows are stored, and the rollup recomputation it runs right after an insert must see
 * them. The name is understood from 18.16 to today (an alias of {@code
 * distributed_foreground_insert} since 23.x).
 */
public final class DistributedInserts {
    public static final Map<String, String> SYNCHRONOUS = Map.of("insert_distributed_sync", "1");

    private DistributedInserts() {}
}
