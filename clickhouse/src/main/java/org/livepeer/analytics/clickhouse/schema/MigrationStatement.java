package org.livepeer.analytics.clickhouse.schema;

import java.util.Optional;
import org.livepeer.analytics.clickhouse.http.ServerVersion;

/**
 * One SQL statement of a migration.
 *
 * @param sql the statement without its terminating semicolon
 * @param requires the oldest server version that may run it ({@code -- requires: X.Y}), if any
 */
public record MigrationStatement(String sql, Optional<ServerVersion> requires) {

    /** True when the statement may run on a server of version {@code server}. */
    public boolean runsOn(ServerVersion server) {
        return requires.map(server::atLeast).orElse(true);
    }
}
