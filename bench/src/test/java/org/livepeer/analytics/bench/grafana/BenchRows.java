package org.livepeer.analytics.bench.grafana;

import java.util.List;

/**
 * Generates the benchmark's rows inside ClickHouse ({@code INSERT ... SELECT ... FROM
 * system.numbers}), shaped like the sample events (docs/events.md): the typed tables get the
 * samples' mix of event types, the raw archive one row per event, the dead letters one per cent.
 * Streams, orchestrators, pipelines and gateways repeat the way the live network's do: a stream
 * stays on one orchestrator and pipeline, reports every 10 s.
 *
 * <p>Every statement is plain SQL that 18.16 runs; times are spread evenly over {@code days} days
 * ending at {@code endMs}.
 */
final class BenchRows {
    static final int ORCHESTRATORS = 50;
    static final int STREAMS = 20_000;
    private static final String DB = "livepeer_analytics";

    /** Share of typed rows per table, from the samples (docs/benchmarks.md, "Grafana panels"). */
    record Share(String table, double share) {}

    static final List<Share> SHARES =
            List.of(
                    new Share("ai_stream_status", 0.25),
                    new Share("stream_trace_events", 0.20),
                    new Share("ai_stream_events", 0.10),
                    new Share("stream_ingest_metrics", 0.15),
                    new Share("discovery_results", 0.08),
                    new Share("payment_events", 0.07),
                    new Share("network_capabilities", 0.03),
                    new Share("network_capability_models", 0.04),
                    new Share("network_capability_prices", 0.04),
                    new Share("network_capability_hardware", 0.04));

    private final long endMs;
    private final long spanMs;

    long endMs() {
        return endMs;
    }

    BenchRows(long endMs, int days) {
        this.endMs = endMs;
        this.spanMs = days * 86_400_000L;
    }

    /** Row {@code number} of {@code n}: its time in ms, spread over the span. */
    private String source(long n) {
        long start = endMs - spanMs;
        return "(SELECT number, toUInt64("
                + start
                + " + intDiv(number * "
                + spanMs
                + ", "
                + n
                + ")) AS ts, toDateTime(intDiv(ts, 1000)) AS tt, number % "
                + STREAMS
                + " AS stream FROM system.numbers LIMIT "
                + n
                + ")";
    }

    private static final String ENVELOPE =
            "concat('e', toString(number)) AS event_id, ts AS event_ts_ms, tt AS event_time,"
                    + " toDate(tt) AS event_date,"
                    + " arrayElement(['', 'gw-fra', 'gw-nyc', 'gw-sin'], number % 4 + 1) AS gateway,"
                    + " 'bench' AS source";
    // 42-character addresses: 0x and a SHA-1 in hex (18.16 has no leftPad).
    private static final String ORCH =
            "concat('0x', lower(hex(SHA1(toString(stream % " + ORCHESTRATORS + ")))))";
    private static final String ONCHAIN =
            "concat('0x', lower(hex(SHA1(concat('c', toString(number % " + ORCHESTRATORS + "))))))";
    private static final String LOCAL =
            "concat('0x', lower(hex(SHA1(toString(number % " + ORCHESTRATORS + ")))))";
    private static final String PIPELINE =
            "arrayElement(['streamdiffusion-sdxl', 'streamdiffusion-sdxl-v2v',"
                    + " 'streamdiffusion-sdxl-faceid', 'comfyui', 'llm'], stream % 5 + 1)";

    /** The INSERT statements for {@code total} typed rows, one per table. */
    List<String> typed(long total) {
        return SHARES.stream().map(s -> insert(s.table(), Math.round(total * s.share()))).toList();
    }

    private String insert(String table, long n) {
        String columnsAndValues =
                switch (table) {
                    case "ai_stream_status" -> columnsAndValuesAiStreamStatus();
                    case "stream_trace_events" -> columnsAndValuesStreamTraceEvents();
                    case "ai_stream_events" -> columnsAndValuesAiStreamEvents();
                    case "stream_ingest_metrics" -> columnsAndValuesStreamIngestMetrics();
                    case "discovery_results" -> columnsAndValuesDiscoveryResults();
                    case "payment_events" -> columnsAndValuesPaymentEvents();
                    case "network_capabilities" -> columnsAndValuesNetworkCapabilities();
                    case "network_capability_models" -> columnsAndValuesNetworkCapabilityModels();
                    case "network_capability_prices" -> columnsAndValuesNetworkCapabilityPrices();
                    case "network_capability_hardware" ->
                            columnsAndValuesNetworkCapabilityHardware();
                    default -> throw new IllegalArgumentException(table);
                };
        return "INSERT INTO " + DB + "." + table + columnsAndValues + " FROM " + source(n);
    }

    private static String columnsAndValuesAiStreamStatus() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " stream_id, request_id, pipeline, orchestrator_address, state,"
                + " start_time_ms, input_fps, output_fps, last_restart_time_ms,"
                + " last_error_time_ms) SELECT "
                + ENVELOPE
                + ", 'ai_stream_status', concat('stream-', toString(stream)),"
                + " concat('r', toString(stream), '-', toString(intDiv(number, 200000))),"
                + PIPELINE
                + ", "
                + ORCH
                + ", arrayElement(['ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'ONLINE',"
                + " 'DEGRADED_INPUT', 'DEGRADED_INFERENCE', 'ERROR'], number % 8 + 1),"
                + " ts - 600000, 30.0, toFloat64(number % 31),"
                + " if(number % 997 = 0, ts - 1000, ts - 86400000),"
                + " if(number % 1999 = 0, ts - 2000, 0)";
    }

    private static String columnsAndValuesStreamTraceEvents() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " stream_id, request_id, trace_type, data_ts_ms,"
                + " orchestrator_address) SELECT "
                + ENVELOPE
                + ", 'stream_trace', concat('stream-', toString(stream)),"
                + " concat('r', toString(stream), '-', toString(intDiv(number, 200000))),"
                + " arrayElement(['gateway_receive_stream_request',"
                + " 'gateway_send_first_ingest_segment',"
                + " 'gateway_receive_first_processed_segment',"
                + " 'gateway_receive_few_processed_segments',"
                + " 'gateway_no_orchestrators_available', 'gateway_ingest_stream_closed',"
                + " 'runner_receive_first_ingest_segment',"
                + " 'runner_send_first_processed_segment'], intDiv(number, "
                + STREAMS
                + ") % 8 + 1), ts + number % 900, "
                + ORCH;
    }

    private static String columnsAndValuesAiStreamEvents() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " stream_id, request_id, stream_event_type, pipeline, message,"
                + " orchestrator_address) SELECT "
                + ENVELOPE
                + ", 'ai_stream_events', concat('stream-', toString(stream)), 'r',"
                + " arrayElement(['error', 'params_update', 'stream_started'], number % 3 + 1),"
                + PIPELINE
                + ", 'whip disconnected', "
                + ORCH;
    }

    private static String columnsAndValuesStreamIngestMetrics() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " stream_id, request_id, conn_quality, video_jitter_ms,"
                + " video_packet_loss_pct, audio_jitter_ms, audio_packet_loss_pct) SELECT "
                + ENVELOPE
                + ", 'stream_ingest_metrics', concat('stream-', toString(stream)), 'r',"
                + " if(number % 10 = 0, 'bad', 'good'), toFloat64(number % 60),"
                + " toFloat64(number % 5) / 2, toFloat64(number % 40), toFloat64(number % 3) / 2";
    }

    private static String columnsAndValuesDiscoveryResults() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " position, orchestrator_address, orchestrator_url, latency_ms)"
                + " SELECT "
                + ENVELOPE
                + ", 'discovery_results', toUInt32(number % 3), "
                + LOCAL
                + ", 'https://o.example:8935', 50 + number % 900";
    }

    private static String columnsAndValuesPaymentEvents() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " session_id, manifest_id, request_id, sender, recipient,"
                + " orchestrator_url, face_value_wei, price_wei_per_pixel, win_prob,"
                + " num_tickets) SELECT "
                + ENVELOPE
                + ", 'create_new_payment', concat('sess', toString(intDiv(number, 6))),"
                + " if(number % 6 = 0, concat('35_', "
                + PIPELINE
                + "), 'd05da5dd'), if(number % 6 = 0, 'r', ''), '0xsender', "
                + ONCHAIN
                + ", 'https://o.example:8935', toUInt64(2400000000000000 + number % 1000),"
                + " 1000.0, 0.001, toUInt64(1 + number % 3)";
    }

    private static String columnsAndValuesNetworkCapabilities() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " position, orchestrator_address, local_address, orch_uri,"
                + " orchestrator_version, price_per_unit, pixels_per_unit) SELECT "
                + snapshot()
                + ", "
                + LOCAL
                + ", 'https://o.example:8935', '0.8.9', toInt64(1200), toInt64(1)";
    }

    private static String columnsAndValuesNetworkCapabilityModels() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " position, orchestrator_address, orch_uri, capability_id,"
                + " model_id, warm, capacity, capacity_in_use, runner_version) SELECT "
                + snapshot()
                + ", 'https://o.example:8935', toUInt64(35), "
                + PIPELINE.replace("stream", "number")
                + ", toUInt8(1), toUInt64(4), toUInt64(number % 5), '0.14.1'";
    }

    private static String columnsAndValuesNetworkCapabilityPrices() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " position, orchestrator_address, price_position, orch_uri,"
                + " capability_id, constraint_name, price_per_unit, pixels_per_unit)"
                + " SELECT "
                + snapshot()
                + ", toUInt32(0), 'https://o.example:8935', toUInt64(27 + number % 9),"
                + " 'model', toInt64(1000 + number % 500), toInt64(1)";
    }

    private static String columnsAndValuesNetworkCapabilityHardware() {
        return " (event_id, event_ts_ms, event_time, event_date, gateway, source, event_type,"
                + " position, orchestrator_address, hardware_position, gpu_position,"
                + " orch_uri, pipeline, model_id, gpu_slot, gpu_id,"
                + " gpu_name, gpu_memory_total_bytes, gpu_memory_free_bytes) SELECT "
                + snapshot()
                + ", toUInt32(0), toUInt32(0), 'https://o.example:8935', 'live-video-to-video', "
                + PIPELINE.replace("stream", "number")
                + ", '0', 'GPU-1', 'NVIDIA GeForce RTX 4090', toUInt64(25757220864),"
                + " toUInt64(1000000000)";
    }

    /**
     * A capabilities snapshot row: {@value #ORCHESTRATORS} consecutive rows are one event (one
     * element per orchestrator); times are whole hours, so the five capability tables share each
     * orchestrator's newest snapshot time, as one real snapshot's rows do.
     */
    private static String snapshot() {
        return "concat('c', toString(intDiv(number, "
                + ORCHESTRATORS
                + "))) AS event_id, ts - ts % 3600000, toStartOfHour(tt), toDate(tt), '' AS gateway,"
                + " 'bench', 'network_capabilities', toUInt32(number % "
                + ORCHESTRATORS
                + ") AS position, "
                + ONCHAIN;
    }

    /** One raw-archive row per event, with latency timestamps (ms) varied per row. */
    String raw(long n) {
        return "INSERT INTO "
                + DB
                + ".streaming_events (event_id, event_ts_ms, event_time, event_date, gateway,"
                + " source, event_type, payload, kafka_partition, kafka_offset, processed_ts_ms,"
                + " received_ts_ms, kafka_ts_ms, inserted_ts_ms) SELECT "
                + ENVELOPE
                + ", arrayElement(['ai_stream_status', 'stream_trace', 'ai_stream_events',"
                + " 'stream_ingest_metrics', 'discovery_results', 'create_new_payment',"
                + " 'network_capabilities'], number % 7 + 1), '{}', toInt32(number % 4),"
                + " toInt64(number), ts + 60 + number % 70, ts, ts + 1 + number % 5,"
                + " ts + 200 + number % 900 FROM "
                + source(n);
    }

    /** Dead letters: one per cent of the events, by error type, plus gateway rejections. */
    String deadLetters(long n) {
        return "INSERT INTO "
                + DB
                + ".streaming_events_dlq (event_id, event_type, event_ts_ms, gateway, source,"
                + " error_type, error_message, raw_json, kafka_topic, kafka_partition, kafka_offset,"
                + " processed_ts_ms, processed_time, processed_date) SELECT concat('d',"
                + " toString(number)), 'ai_stream_status', ts, '', 'bench', arrayElement(["
                + "'invalid_json', 'missing_field:data.stream_id', 'unknown_event_type',"
                + " 'invalid_value:data.inference_status.fps'], number % 4 + 1), 'bad', '{}',"
                + " if(number % 5 = 0, 'streaming-events-dlq', 'streaming-events'),"
                + " toInt32(0), toInt64(number), ts + 100, toDateTime(intDiv(ts + 100, 1000)),"
                + " toDate(toDateTime(intDiv(ts + 100, 1000))) FROM "
                + source(n);
    }
}
