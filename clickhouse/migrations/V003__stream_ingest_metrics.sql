-- One row per stream_ingest_metrics event (CATALOG §5): WHIP ingest statistics every 5 s.
-- A stream has at most one video and one audio track, hence video_*/audio_* columns, all NULL
-- when the stream has no such track. Units: jitter ms, rtt converted from ns to ms, media
-- timestamps and latency in seconds. Packet counters are signed: RTCP can report negative loss.
-- bytes_* are cumulative counters of the peer connection.
CREATE TABLE IF NOT EXISTS livepeer_analytics.stream_ingest_metrics
(
    event_id String,
    event_type LowCardinality(String),
    event_ts_ms UInt64,
    event_time DateTime,
    event_date Date,
    gateway String,
    source LowCardinality(String),
    stream_id String,
    request_id String,
    pipeline_id Nullable(String),
    data_ts_ms Nullable(UInt64),
    conn_quality LowCardinality(String),
    peer_conn_id Nullable(String),
    bytes_received Nullable(UInt64),
    bytes_sent Nullable(UInt64),
    video_jitter_ms Nullable(Float64),
    video_packets_received Nullable(Int64),
    video_packets_lost Nullable(Int64),
    video_packet_loss_pct Nullable(Float64),
    video_rtt_ms Nullable(Float64),
    video_last_input_ts_s Nullable(Float64),
    video_last_output_ts_s Nullable(Float64),
    video_latency_s Nullable(Float64),
    video_warnings Array(String),
    audio_jitter_ms Nullable(Float64),
    audio_packets_received Nullable(Int64),
    audio_packets_lost Nullable(Int64),
    audio_packet_loss_pct Nullable(Float64),
    audio_rtt_ms Nullable(Float64),
    audio_last_input_ts_s Nullable(Float64),
    audio_last_output_ts_s Nullable(Float64),
    audio_latency_s Nullable(Float64),
    audio_warnings Array(String)
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (stream_id, request_id, event_ts_ms, event_id);
