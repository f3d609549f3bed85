package org.livepeer.analytics.processor.live;

import java.util.UUID;

/** Valid events of the four types the live windows measure, shaped like the real samples. */
final class LiveEvents {

    private LiveEvents() {}

    static String status(
            String stream,
            String orch,
            String pipeline,
            String state,
            double fps,
            long restarts,
            long ts) {
        return envelope(
                "ai_stream_status",
                ts,
                "{\"inference_status\":{\"fps\":"
                        + fps
                        + ",\"last_error\":null,\"last_error_time\":null,\"last_output_time\":"
                        + ts
                        + ",\"last_params\":{},\"last_params_hash\":\"99914b932bd37a50b983c5e7c90ae93b\","
                        + "\"last_params_update_time\":null,\"last_restart_logs\":null,"
                        + "\"last_restart_time\":null,\"restart_count\":"
                        + restarts
                        + "},\"input_status\":{\"fps\":20,\"last_input_time\":"
                        + ts
                        + "},\"last_state_update_time\":"
                        + ts
                        + ",\"last_status_timestamp\":null,"
                        + orchInfo(orch)
                        + ",\"pipeline\":\""
                        + pipeline
                        + "\",\"pipeline_id\":\"\",\"request_id\":\"db936fab\",\"start_time\":"
                        + ts
                        + ",\"state\":\""
                        + state
                        + "\",\"stream_id\":\""
                        + stream
                        + "\",\"timestamp\":"
                        + ts
                        + ",\"type\":\"status\"}");
    }

    static String error(String stream, String pipeline, long ts) {
        return envelope(
                "ai_stream_events",
                ts,
                "{\"capability\":\"\",\"message\":\"whip disconnected\",\"pipeline\":\""
                        + pipeline
                        + "\",\"pipeline_id\":\"\",\"request_id\":\"499ae98f\",\"stream_id\":\""
                        + stream
                        + "\",\"type\":\"error\"}");
    }

    static String trace(String stream, String orch, String type, long dataTs, long ts) {
        return envelope(
                "stream_trace",
                ts,
                "{"
                        + orchInfo(orch)
                        + ",\"pipeline_id\":\"\",\"request_id\":\"56bc6b29\",\"stream_id\":\""
                        + stream
                        + "\",\"timestamp\":"
                        + dataTs
                        + ",\"type\":\""
                        + type
                        + "\"}");
    }

    static String ingest(String stream, double lossPct, double jitter, long ts) {
        return envelope(
                "stream_ingest_metrics",
                ts,
                "{\"pipeline_id\":\"\",\"request_id\":\"db936fab\",\"stats\":{\"peer_conn_stats\":"
                        + "{\"ID\":\"iceTransport\",\"BytesReceived\":477890,\"BytesSent\":4013},"
                        + "\"track_stats\":[{\"type\":\"video\",\"jitter\":"
                        + jitter
                        + ",\"packets_lost\":3,\"packets_received\":413,\"packet_loss_pct\":"
                        + lossPct
                        + ",\"rtt\":0,\"last_input_ts\":4.892,\"last_output_ts\":0,\"latency\":0}],"
                        + "\"conn_quality\":\"good\"},\"stream_id\":\""
                        + stream
                        + "\",\"timestamp\":"
                        + ts
                        + "}");
    }

    static String envelope(String type, long ts, String data) {
        return "{\"id\":\""
                + UUID.randomUUID()
                + "\",\"type\":\""
                + type
                + "\",\"timestamp\":\""
                + ts
                + "\",\"gateway\":\"\",\"data\":"
                + data
                + "}";
    }

    private static String orchInfo(String address) {
        return "\"orchestrator_info\":{\"address\":\""
                + address
                + "\",\"url\":\"https://"
                + (address.isEmpty() ? "" : "orch.example:8935")
                + "\"}";
    }
}
