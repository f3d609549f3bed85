package org.livepeer.analytics.sqlcompat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.clickhouse.query.ShippedQuery;
import org.livepeer.analytics.sqlcompat.data.SinkBatches;
import org.livepeer.analytics.sqlcompat.engine.ServerEngine;
import org.livepeer.analytics.testkit.ClickHouseTestServer;
import org.livepeer.analytics.testkit.WithClickHouse;

/**
 * The rollups, accounting and latency queries on the 18.16 floor, with hand-made events whose
 * answers are worked out in the comments ({@link SqlCompatIT} then proves 26.x returns the same
 * rows).
 */
@WithClickHouse
class RollupsIT {
    private static final long H = Instant.parse("2026-03-02T10:00:00Z").toEpochMilli();
    private static final long MIN = 60_000L;
    private static final String A = "0xaaaa000000000000000000000000000000000001";
    private static final String B = "0xbbbb000000000000000000000000000000000002";

    private static ClickHouseTestServer ch;
    private static final SinkBatches BATCHES = new SinkBatches(H + 120 * MIN);

    /** One stream's fixed facts; restart and error times are null when the runner sent null. */
    record StreamDef(
            String orch,
            String stream,
            String request,
            String pipeline,
            long start,
            Long restartTs,
            Long errorTs) {}

    @BeforeAll
    static void load(ClickHouseTestServer server) {
        ch = server;
        addStatusReports();
        // Session X: first payment names request r1 (stream s1, pipeline p1), the follow-up has
        // an empty requestID. Session Y never names a request: pipeline ''.
        add(payment("p1", H + MIN, "X", "r1", "2400000000000000 WEI", "2"));
        add(payment("p2", H + 2 * MIN, "X", "", "0.0125 ETH", "1"));
        add(payment("p3", H + 3 * MIN, "Y", "", "1000000000000000 WEI", "1"));
        add("{\"id\": \"broken\"");
        add(
                "{\"id\":\"u1\",\"type\":\"stream_heartbeat\",\"timestamp\":\""
                        + H
                        + "\",\"data\":{}}");
        ServerEngine engine = new ServerEngine(ch.admin());
        BATCHES.insertInto(engine);
        Rollups.recomputeAll(engine);
    }

    private static void addStatusReports() {
        // s1 on A: hour H fps 20/10/30 (one ERROR report), hour H+1 fps 15; one restart at
        // H+0.5s within the session, repeated in every report.
        StreamDef s1 = new StreamDef(A, "s1", "r1", "p1", H - 10 * MIN, H + 500, null);
        add(status("a1", H + MIN, s1, 20, "ONLINE"));
        add(status("a2", H + 2 * MIN, s1, 10, "ERROR"));
        add(status("a3", H + 3 * MIN, s1, 30, "ONLINE"));
        add(status("a4", H + 61 * MIN, s1, 15, "ONLINE"));
        // s2 and s3 on B: fps 6; s2 has a stale restart (before its start) and one error.
        StreamDef s2 = new StreamDef(B, "s2", "r2", "p2", H, H - 3600_000L, H + 20_000);
        add(status("b1", H + MIN, s2, 6, "ONLINE"));
        add(status("b2", H + 2 * MIN, s2, 6, "DEGRADED_INFERENCE"));
        add(status("b3", H + MIN, new StreamDef(B, "s3", "r3", "p2", H, null, null), 6, "ONLINE"));
    }

    @Test
    void hourlyOrchestratorStats() {
        assertEquals(
                List.of(
                        "2026-03-02 10:00:00\t" + A + "\t3\t20\t10\t20\t1\t1\t0\t1\t0",
                        "2026-03-02 10:00:00\t" + B + "\t3\t6\t6\t20\t2\t0\t1\t0\t1",
                        "2026-03-02 11:00:00\t" + A + "\t1\t15\t15\t20\t1\t1\t0\t0\t0"),
                run("orchestrator_hourly_stats.sql", Map.of()));
    }

    @Test
    void slaScorePerDay() {
        // A: avg fps (3*20+15)/4 = 18.75 -> fps_score 1; restarts 1 on 1 stream -> 0; 0.6.
        // B: avg 6 -> 0.4; 1 error on 2 streams -> 0.5; 0.6*0.4 + 0.4*0.5 = 0.44.
        assertEquals(
                List.of(
                        "2026-03-02\t" + A + "\t4\t18.75\t10\t1\t1\t0\t1\t0\t0.6",
                        "2026-03-02\t" + B + "\t3\t6\t6\t2\t0\t1\t0.4\t0.5\t0.44"),
                run("sla_score_daily.sql", Map.of()));
        // A stricter target lowers only the fps part: 18.75/25 = 0.75 -> 0.45.
        assertEquals(
                "2026-03-02\t" + A + "\t4\t18.75\t10\t1\t1\t0\t0.75\t0\t0.45",
                run("sla_score_daily.sql", Map.of("target_fps", "25")).get(0));
    }

    @Test
    void networkDemandPerHour() {
        // p1 fees: (2.4e15 * 0.001 * 2 + 1.25e16 * 0.001 * 1) / 1e18 = 0.0000173 ETH.
        assertEquals(
                List.of(
                        "2026-03-02 10:00:00\t\t0\t0\t1\t1\t1000000000000000\t0.001\t0.000001",
                        "2026-03-02 10:00:00\tp1\t1\t0.5\t2\t3\t14900000000000000\t0.0149\t0.0000173",
                        "2026-03-02 10:00:00\tp2\t2\t0.5\t0\t0\t0\t0\t0",
                        "2026-03-02 11:00:00\tp1\t1\t0.167\t0\t0\t0\t0\t0"),
                run("network_demand_hourly.sql", Map.of()));
    }

    @Test
    void accountingBalancesAndCatchesALostEvent() {
        List<String> rows = run("accounting_by_event_type.sql", Map.of());
        assertEquals(
                List.of(
                        "\t1\t0\t1\t0",
                        "ai_stream_status\t7\t7\t0\t0",
                        "create_new_payment\t3\t3\t0\t0",
                        "stream_heartbeat\t1\t0\t1\t0"),
                rows);
        // An event archived whose typed rows never arrived must show up as unaccounted.
        ch.admin()
                .execute(
                        "INSERT INTO livepeer_analytics.streaming_events (event_id, event_type,"
                                + " event_ts_ms, event_time, event_date, payload) VALUES ('lost',"
                                + " 'ai_stream_status', "
                                + H
                                + ", toDateTime("
                                + H / 1000
                                + "), toDate(toDateTime("
                                + H / 1000
                                + ")), '{}')");
        assertEquals(
                "ai_stream_status\t8\t7\t0\t1",
                run("accounting_by_event_type.sql", Map.of()).get(1));
    }

    @Test
    void pipelineLatencyPerMinute() {
        // 12 records, all processed at H + 120 min and received 21..84 ms before (SinkBatches.Hops
        // by offset 0..11): one minute, 11:59. Sorted, the exact quantile is the value at rank
        // floor(level * 12) from 0: p50 = the 7th value, p95 = p99 = the 12th.
        //   gateway -> kafka     1 1 1 2 2 2 [3] 3 4 4 5 [5]
        //   kafka -> flink       20 23 27 30 34 37 [41] 48 55 62 69 [76]
        //   flink -> clickhouse  100 113 126 139 152 165 [178] 191 204 217 230 [243]
        //   total                121 142 163 184 205 221 [242] 245 261 263 282 [284]
        // The row the accounting test may add has no receive time and is left out.
        assertEquals(
                List.of(
                        "2026-03-02 11:59:00\t12\t3\t5\t5\t41\t76\t76\t178\t243\t243\t242\t284\t284"),
                run("pipeline_latency_per_minute.sql", Map.of()));
        // The range is on the receive time: from 12:00 on nothing was received.
        assertEquals(
                List.of(""),
                run(
                        "pipeline_latency_per_minute.sql",
                        Map.of("from_ms", Long.toString(H + 120 * MIN))));
    }

    static List<String> run(ClickHouseTestServer ch, String file, Map<String, String> params) {
        ShippedQuery q =
                ShippedQuery.loadAll(Path.of(System.getProperty(SqlCompatIT.QUERIES_PROPERTY, "")))
                        .stream()
                        .filter(s -> s.file().equals(file))
                        .findFirst()
                        .orElseThrow();
        return List.of(ch.query(q.expand(params)).split("\n"));
    }

    private static List<String> run(String file, Map<String, String> params) {
        return run(ch, file, params);
    }

    private static void add(String json) {
        BATCHES.add(json.getBytes(StandardCharsets.UTF_8));
    }

    static String status(String id, long ts, StreamDef s, double fps, String state) {
        return String.format(
                "{\"id\":\"%s\",\"type\":\"ai_stream_status\",\"timestamp\":\"%d\",\"gateway\":\"gw\","
                        + "\"data\":{\"inference_status\":{\"fps\":%s,\"last_error\":%s,"
                        + "\"last_error_time\":%s,\"last_output_time\":%d,\"last_params\":null,"
                        + "\"last_params_hash\":null,\"last_params_update_time\":null,"
                        + "\"last_restart_logs\":null,\"last_restart_time\":%s,\"restart_count\":0},"
                        + "\"input_status\":{\"fps\":20,\"last_input_time\":%d},"
                        + "\"last_state_update_time\":%d,\"last_status_timestamp\":%d,"
                        + "\"orchestrator_info\":{\"address\":\"%s\",\"url\":\"https://%s.example\"},"
                        + "\"pipeline\":\"%s\",\"pipeline_id\":\"\",\"request_id\":\"%s\","
                        + "\"start_time\":%d,\"state\":\"%s\",\"stream_id\":\"%s\",\"timestamp\":%d,"
                        + "\"type\":\"status\"}}",
                id,
                ts,
                fps,
                s.errorTs() == null ? "null" : "\"boom\"",
                s.errorTs(),
                ts,
                s.restartTs(),
                ts,
                ts,
                ts,
                s.orch(),
                s.orch(),
                s.pipeline(),
                s.request(),
                s.start(),
                state,
                s.stream(),
                ts);
    }

    private static String payment(
            String id, long ts, String session, String request, String face, String tickets) {
        return String.format(
                "{\"id\":\"%s\",\"type\":\"create_new_payment\",\"timestamp\":\"%d\",\"gateway\":\"gw\","
                        + "\"data\":{\"capability\":\"\",\"clientIP\":\"\",\"faceValue\":\"%s\","
                        + "\"manifestID\":\"m\",\"numTickets\":\"%s\",\"orchestrator\":\"https://o.example\","
                        + "\"price\":\"1000.000 wei/pixel\",\"recipient\":\"0xd00354656922168815Fcd1e51CBddB9e359e3C7F\","
                        + "\"requestID\":\"%s\",\"sender\":\"0x5aE4E42dB3671370a0c25AfF451E7482aAEc3D0B\","
                        + "\"sessionID\":\"%s\",\"winProb\":\"0.0010000000\"}}",
                id, ts, face, tickets, request, session);
    }
}
