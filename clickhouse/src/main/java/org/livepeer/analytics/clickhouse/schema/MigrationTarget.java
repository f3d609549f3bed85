package org.livepeer.analytics.clickhouse.schema;

import java.util.Map;
import org.livepeer.analytics.clickhouse.http.ClickHouseException;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.ServerVersion;

/**
 * What the {@link Migrator} needs of a ClickHouse engine. The production target is a server over
 * HTTP ({@link #over(ClickHouseHttp)}); the SQL compatibility tests also migrate ClickHouse 26.x
 * loaded in-process (chDB), so the version gating is proven against a real new engine.
 *
 * <p>Implementations report a rejected statement as a {@link ClickHouseException} carrying the
 * server's error code.
 */
public interface MigrationTarget {

    /** The engine's version, from {@code SELECT version()}. */
    ServerVersion version();

    /** Runs a statement with extra settings for this statement only. */
    void execute(String sql, Map<String, String> settings);

    /** Runs a query and returns its answer in the default format (TabSeparated). */
    String query(String sql);

    /** Runs a statement without extra settings. */
    default void execute(String sql) {
        execute(sql, Map.of());
    }

    /** A server reached over its HTTP interface. */
    static MigrationTarget over(ClickHouseHttp http) {
        return new MigrationTarget() {
            @Override
            public ServerVersion version() {
                return http.version();
            }

            @Override
            public void execute(String sql, Map<String, String> settings) {
                http.execute(sql, settings);
            }

            @Override
            public String query(String sql) {
                return http.query(sql);
            }
        };
    }
}
