package org.livepeer.analytics.sqlcompat.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.livepeer.analytics.clickhouse.http.ClickHouseException;
import org.livepeer.analytics.clickhouse.http.ServerVersion;
import org.livepeer.analytics.clickhouse.schema.MigrationTarget;
import org.livepeer.analytics.sqlcompat.chdb.ChDb;
import org.livepeer.analytics.sqlcompat.chdb.ChDbException;

/**
 * ClickHouse 26.x through chDB. Settings a caller passes are applied with {@code SET} before the
 * statement, so a setting the new engine does not know fails here exactly as it would on a 26.x
 * server; every settings map received is also recorded for the gating assertions.
 */
public final class ChDbEngine implements Engine {
    /** chDB runs queries in-process, not over HTTP: the status code a server would have sent. */
    private static final int SERVER_ERROR_STATUS = 500;

    private final ChDb db;
    private final ServerVersion version;
    private final List<Map<String, String>> settingsSeen = new ArrayList<>();

    public ChDbEngine(ChDb db) {
        this.db = db;
        this.version = ServerVersion.parse(db.version());
    }

    @Override
    public String name() {
        return "chDB " + version;
    }

    @Override
    public ServerVersion version() {
        return version;
    }

    @Override
    public String query(String sql) {
        return db.query(sql, "TSV");
    }

    @Override
    public void insertJsonEachRow(String table, String body) {
        db.query("INSERT INTO " + table + " FORMAT JSONEachRow\n" + body, "TSV");
    }

    /** Every settings map the migrator sent, one per statement, in order. */
    public synchronized List<Map<String, String>> settingsSeen() {
        return List.copyOf(settingsSeen);
    }

    @Override
    public MigrationTarget migrationTarget() {
        return new MigrationTarget() {
            @Override
            public ServerVersion version() {
                return version;
            }

            @Override
            public void execute(String sql, Map<String, String> settings) {
                synchronized (ChDbEngine.this) {
                    settingsSeen.add(Map.copyOf(settings));
                }
                try {
                    settings.forEach((k, v) -> db.query("SET " + k + " = '" + v + "'", "TSV"));
                    db.query(sql, "TSV");
                } catch (ChDbException e) {
                    throw new ClickHouseException(e.getMessage(), e.code(), SERVER_ERROR_STATUS);
                }
            }

            @Override
            public String query(String sql) {
                try {
                    return db.query(sql, "TSV");
                } catch (ChDbException e) {
                    throw new ClickHouseException(e.getMessage(), e.code(), SERVER_ERROR_STATUS);
                }
            }
        };
    }
}
