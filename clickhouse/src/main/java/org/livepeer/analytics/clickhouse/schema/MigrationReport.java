package org.livepeer.analytics.clickhouse.schema;

import java.util.List;
import org.livepeer.analytics.clickhouse.http.ServerVersion;

/**
 * What one {@link Migrator#migrate()} run did.
 *
 * @param server the server's version
 * @param applied migrations applied by this run, as {@code V###__name}
 * @param alreadyApplied migrations found in {@code schema_migrations} and left alone
 * @param skipped statements not run because the server is older than they require
 */
public record MigrationReport(
        ServerVersion server,
        List<String> applied,
        List<String> alreadyApplied,
        List<SkippedStatement> skipped) {

    public MigrationReport {
        applied = List.copyOf(applied);
        alreadyApplied = List.copyOf(alreadyApplied);
        skipped = List.copyOf(skipped);
    }

    /**
     * A statement left out on this server.
     *
     * @param migration the migration's {@code V###__name}
     * @param required the version the statement asked for
     * @param sql the statement
     */
    public record SkippedStatement(String migration, ServerVersion required, String sql) {}
}
