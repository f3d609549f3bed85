package org.livepeer.analytics.sqlcompat.engine;

import org.livepeer.analytics.clickhouse.http.ServerVersion;
import org.livepeer.analytics.clickhouse.schema.MigrationTarget;

/** One ClickHouse line under test: the 18.16 server process or 26.x in-process (chDB). */
public interface Engine {

    /** For messages: {@code clickhouse-server 18.16.1}, {@code chDB 26.7.2.1}. */
    String name();

    ServerVersion version();

    /** Runs a statement; returns its answer as TabSeparated text (empty for DDL). */
    String query(String sql);

    /** {@code INSERT INTO table FORMAT JSONEachRow} with {@code body} (one JSON object a line). */
    void insertJsonEachRow(String table, String body);

    /** What the real {@link org.livepeer.analytics.clickhouse.schema.Migrator} drives. */
    MigrationTarget migrationTarget();
}
