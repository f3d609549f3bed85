package org.livepeer.analytics.bench.processor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.livepeer.analytics.clickhouse.http.ClickHouseHttp;
import org.livepeer.analytics.clickhouse.schema.Migrator;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess;
import org.livepeer.analytics.clickhouse.server.ClickHouseServerSettings;
import org.livepeer.analytics.processor.route.EventRouter;
import org.livepeer.analytics.processor.route.Routed;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.sink.clickhouse.ClickHouseSinkConfig;
import org.livepeer.analytics.processor.sink.clickhouse.HttpBatchInserter;
import org.livepeer.analytics.processor.sink.clickhouse.InsertVerdict;
import org.livepeer.analytics.processor.source.KafkaEvent;
import org.livepeer.analytics.wire.WireTopics;

/**
 * The ClickHouse sink: rows/s into a real clickhouse-server started here (temporary directory),
 * through the sink's {@link HttpBatchInserter} (gzip JSONEachRow over HTTP), for batches of 1,000
 * and 10,000 raw-archive rows of the real samples. Baseline in the same run: one row per INSERT.
 *
 * <p>Usage: {@code SinkBench [rowsPerRun=200000] [runs=3] [samplesDir]}
 */
public final class SinkBench {

    /**
     * A plain MergeTree copy of the raw archive: the bench repeats rows, which a ReplacingMergeTree
     * could collapse in the background and spoil the row count check.
     */
    private static final String TABLE = "bench_streaming_events";

    private SinkBench() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<byte[]> samples = Samples.load(args.length > 2 ? args[2] : null);
        List<byte[]> lines = rawRows(samples);
        Path dir = Files.createTempDirectory("sink-bench-");
        try (ClickHouseServerProcess server =
                ClickHouseServerProcess.start(ClickHouseServerSettings.forDataDir(dir))) {
            new Migrator(server.client(server.admin())).migrate();
            server.client(server.admin())
                    .execute(
                            "CREATE TABLE "
                                    + Migrator.DATABASE
                                    + "."
                                    + TABLE
                                    + " AS "
                                    + Migrator.DATABASE
                                    + ".streaming_events ENGINE = MergeTree()"
                                    + " PARTITION BY toYYYYMM(event_date)"
                                    + " ORDER BY (event_date, event_type, event_id)",
                            Map.of("allow_experimental_low_cardinality_type", "1"));
            ClickHouseSinkConfig config =
                    new ClickHouseSinkConfig(
                            server.httpUri(),
                            ClickHouseServerSettings.WRITER_USER,
                            server.writer().password(),
                            Migrator.DATABASE,
                            10_000,
                            64L << 20,
                            1000,
                            60_000,
                            60_000,
                            WireTopics.EVENTS);
            HttpBatchInserter inserter = new HttpBatchInserter(config);
            ClickHouseHttp admin = server.client(server.admin());
            measure(server, "batch 1 (baseline)", inserter, admin, lines, 2_000, 1, runs);
            measure(server, "batch 1000", inserter, admin, lines, rows, 1_000, runs);
            measure(server, "batch 10000", inserter, admin, lines, rows, 10_000, runs);
        }
    }

    private static void measure(
            ClickHouseServerProcess server,
            String name,
            HttpBatchInserter inserter,
            ClickHouseHttp admin,
            List<byte[]> lines,
            int rows,
            int batch,
            int runs)
            throws Exception {
        insert(inserter, lines, Math.min(rows, batch * 5), batch); // warm-up
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            // The server refuses to truncate a table holding data without its flag
            // (docs/decisions/0008).
            server.allowingDrop(
                    () -> admin.execute("TRUNCATE TABLE " + Migrator.DATABASE + "." + TABLE));
            long start = System.nanoTime();
            insert(inserter, lines, rows, batch);
            rates.add(rows / ((System.nanoTime() - start) / 1e9));
            long stored =
                    Long.parseLong(
                            admin.query("SELECT count() FROM " + Migrator.DATABASE + "." + TABLE)
                                    .trim());
            if (stored != rows) {
                throw new IllegalStateException(name + ": " + stored + " rows stored, not " + rows);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s: median %.0f rows/s over %d rows (runs %s)%n",
                name,
                Samples.median(rates),
                rows,
                rates.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList());
    }

    private static void insert(HttpBatchInserter inserter, List<byte[]> lines, int rows, int batch)
            throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch * 1024);
        int inBatch = 0;
        for (int i = 0; i < rows; i++) {
            byte[] line = lines.get(i % lines.size());
            body.write(line, 0, line.length);
            body.write('\n');
            if (++inBatch == batch || i == rows - 1) {
                InsertVerdict verdict = inserter.insert(TABLE, body.toByteArray(), inBatch);
                if (!(verdict instanceof InsertVerdict.Inserted)) {
                    throw new IllegalStateException("batch not written: " + verdict);
                }
                body.reset();
                inBatch = 0;
            }
        }
    }

    /** The raw-archive rows the router makes of the samples (every event has exactly one). */
    private static List<byte[]> rawRows(List<byte[]> samples) {
        EventRouter router = new EventRouter();
        List<byte[]> out = new ArrayList<>();
        long offset = 0;
        for (byte[] sample : samples) {
            Routed routed =
                    router.route(
                            new KafkaEvent(sample, "bench", 0, offset++, null), 1_767_909_000_000L);
            SinkRow raw = routed.raw();
            out.add(raw.json.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }
}
