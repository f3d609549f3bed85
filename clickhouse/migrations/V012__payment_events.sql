-- create_new_payment (CATALOG §9): one row per event. face_value_wei is exact, from either
-- '<int> WEI' or '<decimal> ETH', price is wei per pixel, sender and recipient are lower-cased,
-- orchestrator_url is the payload's 'orchestrator' (a URL). request_id is often ''.
CREATE TABLE IF NOT EXISTS livepeer_analytics.payment_events
(
    event_id String,
    event_type LowCardinality(String),
    event_ts_ms UInt64,
    event_time DateTime,
    event_date Date,
    gateway String,
    source LowCardinality(String),
    session_id String,
    manifest_id String,
    request_id Nullable(String),
    sender String,
    recipient String,
    orchestrator_url String,
    face_value_wei UInt64,
    price_wei_per_pixel Float64,
    win_prob Float64,
    num_tickets UInt64,
    capability Nullable(String),
    client_ip Nullable(String)
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (recipient, session_id, event_id);
