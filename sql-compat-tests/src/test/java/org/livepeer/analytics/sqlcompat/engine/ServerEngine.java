package org.livepeer.analytics.sqlcompat.engine;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.http.ServerVersion;
import org.livepeer.analytics.clickhouse.schema.MigrationTarget;

/** A real {@code clickhouse-server} (the 18.16 floor) over HTTP, as the processor's sink talks. */
public final class ServerEngine implements Engine {
    private final ClickHouseHttp http;
    private final ServerVersion version;
    private final Map<String, String> settings;

    public ServerEngine(ClickHouseHttp http) {
        this(http, Map.of());
    }

    /** Sends {@code settings} with every query, as a client such as Grafana's plugin does. */
    public ServerEngine(ClickHouseHttp http, Map<String, String> settings) {
        this.http = http;
        this.version = http.version();
        this.settings = Map.copyOf(settings);
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
        return http.query(sql, settings);
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
