package org.livepeer.analytics.sqlcompat.engine;

import java.nio.charset.StandardCharsets;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.ServerVersion;
import org.livepeer.analytics.clickhouse.schema.MigrationTarget;

/** A real {@code clickhouse-server} (the 18.16 floor) over HTTP, as the processor's sink talks. */
public final class ServerEngine implements Engine {
    private final ClickHouseHttp http;
    private final ServerVersion version;

    public ServerEngine(ClickHouseHttp http) {
        this.http = http;
        this.version = http.version();
    }

    @Override
    public String name() {
        return "clickhouse-server " + version;
    }

    @Override
    public ServerVersion version() {
        return version;
    }

    @Override
    public String query(String sql) {
        return http.query(sql);
    }

    @Override
    public void insertJsonEachRow(String table, String body) {
        http.insert(table, "JSONEachRow", body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public MigrationTarget migrationTarget() {
        return MigrationTarget.over(http);
    }
}
