package org.livepeer.analytics.sqlcompat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.livepeer.analytics.clickhouse.schema.MigrationReport;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.sqlcompat.chdb.ChDb;
import org.livepeer.analytics.sqlcompat.chdb.ChDbLocation;
import org.livepeer.analytics.sqlcompat.data.SinkBatches;
import org.livepeer.analytics.sqlcompat.engine.ChDbEngine;
import org.livepeer.analytics.sqlcompat.engine.Engine;
import org.livepeer.analytics.sqlcompat.engine.ServerEngine;
import org.livepeer.analytics.testkit.ClickHouseTestServer;

/**
 * The two ClickHouse lines of decision 0004, migrated with the real Migrator and loaded with the
 * sink's rows for every sample event (moved so the oldest lands yesterday, {@link
 * SinkBatches#samples}) and one gateway rejection, rollups recomputed: what SqlCompatIT and
 * DashboardQueriesIT run their SQL on.
 */
final class BothLines implements AutoCloseable {
    final ChDb chdb;
    final ServerEngine oldLine;
    final ChDbEngine newLine;
    final MigrationReport oldReport;
    final MigrationReport newReport;

    /** The instant the samples were moved relative to. */
    final Instant loadedAt;

    private BothLines(ClickHouseTestServer server, Path chdbDir) {
        chdb = ChDb.open(ChDbLocation.require(), chdbDir);
        oldLine = new ServerEngine(server.admin());
        newLine = new ChDbEngine(chdb);
        oldReport = migrate(oldLine);
        newReport = migrate(newLine);
        loadedAt = Instant.now();
        SinkBatches batches = SinkBatches.samples(loadedAt);
        for (Engine engine : List.of(oldLine, newLine)) {
            batches.insertInto(engine);
            Rollups.recomputeAll(engine);
        }
    }

    /** Migrates and loads both lines; {@code server} is the 18.16 server (not migrated yet). */
    static BothLines open(ClickHouseTestServer server, Path chdbDir) {
        return new BothLines(server, chdbDir);
    }

    List<Engine> engines() {
        return List.of(oldLine, newLine);
    }

    private static MigrationReport migrate(Engine engine) {
        return new Migrator(
                        engine.migrationTarget(),
                        Migrator.DEFAULT_RESOURCE_PREFIX,
                        BothLines.class.getClassLoader())
                .migrate();
    }

    @Override
    public void close() {
        chdb.close();
    }
}
