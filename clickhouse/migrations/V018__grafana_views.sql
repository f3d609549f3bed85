-- The views the Grafana dashboards read (grafana/dashboards/, docs/grafana.md): a stable layer of
-- names between the panels and the tables, so a table can change without touching a dashboard.
-- Every view has
--   t     DateTime  the row's time (event time, or processing time for dead letters)
--   day   Date      the same instant's date, for $__dateFilter(day)
-- and plain String dimensions where the table has Nullable ones ('' for NULL):
--   orchestrator  the orchestrator's local (signing) address, as ai_stream_status names it
--   pipeline      the pipeline (model-like name)
--   gateway       the envelope's gateway
-- Views read the tables without FINAL: a replayed copy not yet merged counts twice until the
-- merge. The exact numbers are the shipped queries' (clickhouse/queries/).
-- Plain views with one SELECT (or UNION ALL) and no JOIN: both 18.16 and 26.x create and read them
-- alike (docs/decisions/0002). The reader user may SELECT them (it is confined to the database).

-- One row per runner status report (every 10 s per stream): docs/events.md §4.
-- restart_ms / error_ms: the last restart or error time when it happened during this stream's
-- session, else 0 (the runner repeats stale values from its previous stream), so that
-- uniqExactIf((stream_id, restart_ms), restart_ms > 0) counts each restart once, as the rollup does.
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_stream_status AS
SELECT
    event_time AS t,
    event_date AS day,
    event_ts_ms AS ts_ms,
    stream_id,
    request_id,
    ifNull(orchestrator_address, '') AS orchestrator,
    ifNull(orchestrator_url, '') AS orchestrator_url,
    ifNull(pipeline, '') AS pipeline,
    gateway,
    CAST(state AS String) AS state,
    input_fps,
    output_fps,
    if(ifNull(last_restart_time_ms, toUInt64(0)) >= ifNull(start_time_ms, toUInt64(0)),
        ifNull(last_restart_time_ms, toUInt64(0)), toUInt64(0)) AS restart_ms,
    if(ifNull(last_error_time_ms, toUInt64(0)) >= ifNull(start_time_ms, toUInt64(0)),
        ifNull(last_error_time_ms, toUInt64(0)), toUInt64(0)) AS error_ms
FROM livepeer_analytics.ai_stream_status;

-- Stream lifecycle edges (docs/events.md §3). edge_ms is the edge's own clock (data.timestamp),
-- the envelope time when it has none (orchestrator_swap). orchestrator is '' before one is chosen.
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_stream_traces AS
SELECT
    event_time AS t,
    event_date AS day,
    stream_id,
    request_id,
    ifNull(orchestrator_address, '') AS orchestrator,
    ifNull(pipeline, '') AS pipeline,
    gateway,
    CAST(trace_type AS String) AS trace_type,
    ifNull(data_ts_ms, event_ts_ms) AS edge_ms
FROM livepeer_analytics.stream_trace_events;

-- Errors, parameter updates and runner-forwarded events (docs/events.md §6).
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_stream_events AS
SELECT
    event_time AS t,
    event_date AS day,
    stream_id,
    request_id,
    ifNull(orchestrator_address, '') AS orchestrator,
    ifNull(pipeline, '') AS pipeline,
    gateway,
    CAST(stream_event_type AS String) AS stream_event_type,
    ifNull(message, '') AS message
FROM livepeer_analytics.ai_stream_events;

-- WHIP ingest statistics (docs/events.md §5): loss in percent, jitter in ms, NULL without the track.
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_ingest_metrics AS
SELECT
    event_time AS t,
    event_date AS day,
    stream_id,
    gateway,
    CAST(conn_quality AS String) AS conn_quality,
    video_packet_loss_pct,
    video_jitter_ms,
    audio_packet_loss_pct,
    audio_jitter_ms
FROM livepeer_analytics.stream_ingest_metrics;

-- Which on-chain orchestrator (network_capabilities.orchestrator_address, payments' recipient)
-- signs with which local address (orchestrator in the other views), from every capabilities
-- snapshot (docs/events.md §2.3, §7). One row per pair and URI.
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_orchestrator_addresses AS
SELECT
    orchestrator_address AS onchain_address,
    ifNull(local_address, '') AS orchestrator,
    orch_uri,
    max(event_ts_ms) AS last_seen_ms
FROM livepeer_analytics.network_capabilities
GROUP BY onchain_address, orchestrator, orch_uri;

-- Latest state: the rows of each on-chain orchestrator's newest capabilities snapshot (the newest
-- event_ts_ms it appears in, every element of that snapshot, so several URIs stay). One view per
-- fan-out table, selected by (address, time) so no JOIN is needed.
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_capabilities_latest AS
SELECT
    event_time AS t,
    orchestrator_address AS onchain_address,
    ifNull(local_address, '') AS orchestrator,
    orch_uri,
    ifNull(orchestrator_version, '') AS version,
    ifNull(price_per_unit, toInt64(0)) AS price_per_unit,
    ifNull(pixels_per_unit, toInt64(0)) AS pixels_per_unit
FROM livepeer_analytics.network_capabilities
WHERE (orchestrator_address, event_ts_ms) IN
    (SELECT orchestrator_address, max(event_ts_ms) FROM livepeer_analytics.network_capabilities
     GROUP BY orchestrator_address);

CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_models_latest AS
SELECT
    event_time AS t,
    orchestrator_address AS onchain_address,
    orch_uri,
    capability_id,
    model_id,
    warm,
    capacity,
    capacity_in_use,
    runner_version
FROM livepeer_analytics.network_capability_models
WHERE (orchestrator_address, event_ts_ms) IN
    (SELECT orchestrator_address, max(event_ts_ms) FROM livepeer_analytics.network_capabilities
     GROUP BY orchestrator_address);

CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_gpus_latest AS
SELECT
    event_time AS t,
    orchestrator_address AS onchain_address,
    orch_uri,
    pipeline,
    model_id,
    ifNull(gpu_id, '') AS gpu_id,
    ifNull(gpu_name, '') AS gpu_name,
    ifNull(gpu_memory_total_bytes, toUInt64(0)) AS gpu_memory_total_bytes,
    ifNull(gpu_memory_free_bytes, toUInt64(0)) AS gpu_memory_free_bytes
FROM livepeer_analytics.network_capability_hardware
WHERE (orchestrator_address, event_ts_ms) IN
    (SELECT orchestrator_address, max(event_ts_ms) FROM livepeer_analytics.network_capabilities
     GROUP BY orchestrator_address);

CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_prices_latest AS
SELECT
    event_time AS t,
    orchestrator_address AS onchain_address,
    orch_uri,
    capability_id,
    constraint_name,
    price_per_unit,
    pixels_per_unit
FROM livepeer_analytics.network_capability_prices
WHERE (orchestrator_address, event_ts_ms) IN
    (SELECT orchestrator_address, max(event_ts_ms) FROM livepeer_analytics.network_capabilities
     GROUP BY orchestrator_address);

-- Every advertised price per capability over time, in wei per pixel (0 when pixels_per_unit is 0).
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_prices AS
SELECT
    event_time AS t,
    event_date AS day,
    orchestrator_address AS onchain_address,
    gateway,
    capability_id,
    constraint_name,
    if(pixels_per_unit > 0, price_per_unit / pixels_per_unit, 0) AS wei_per_pixel
FROM livepeer_analytics.network_capability_prices;

-- Orchestrators chosen by discovery, with the gateway's measured latency (ms).
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_discovery AS
SELECT
    event_time AS t,
    event_date AS day,
    orchestrator_address AS orchestrator,
    orchestrator_url,
    gateway,
    latency_ms
FROM livepeer_analytics.discovery_results;

-- Ticket batches (docs/events.md §9). recipient is the on-chain orchestrator, expected_wei is the
-- expected value paid (face value x win probability x tickets), model is the manifest's '35_<model>'
-- on a session's first payment, '' on the others.
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_payments AS
SELECT
    event_time AS t,
    event_date AS day,
    recipient AS onchain_address,
    orchestrator_url,
    sender,
    gateway,
    session_id,
    ifNull(request_id, '') AS request_id,
    if(startsWith(manifest_id, '35_'), substring(manifest_id, 4), '') AS model,
    face_value_wei,
    num_tickets,
    face_value_wei * win_prob * num_tickets AS expected_wei
FROM livepeer_analytics.payment_events;

-- Every typed row with its table: the "typed" side of the accounting identity
-- (docs/schema.md, "Accounting"), one row per typed row (a capabilities event has rows in five
-- tables, count distinct event_id for events, event_hash = cityHash64(event_id), the raw view's
-- record_hash of the same event).
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_typed_rows AS
SELECT 'ai_stream_status' AS table_name, CAST(event_type AS String) AS event_type, event_id, cityHash64(event_id) AS event_hash, event_time AS t, event_date AS day, gateway FROM livepeer_analytics.ai_stream_status
UNION ALL SELECT 'stream_ingest_metrics', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.stream_ingest_metrics
UNION ALL SELECT 'stream_trace_events', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.stream_trace_events
UNION ALL SELECT 'ai_stream_events', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.ai_stream_events
UNION ALL SELECT 'network_capabilities', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.network_capabilities
UNION ALL SELECT 'network_capability_capacities', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.network_capability_capacities
UNION ALL SELECT 'network_capability_models', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.network_capability_models
UNION ALL SELECT 'network_capability_prices', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.network_capability_prices
UNION ALL SELECT 'network_capability_hardware', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.network_capability_hardware
UNION ALL SELECT 'discovery_results', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.discovery_results
UNION ALL SELECT 'payment_events', CAST(event_type AS String), event_id, cityHash64(event_id), event_time, event_date, gateway FROM livepeer_analytics.payment_events;

-- The raw archive (every record read), keyed like the accounting query: the envelope id, or the
-- Kafka position when no id could be read. record_hash is that key as a 64-bit hash: counting
-- distinct hashes (uniqExact on UInt64) is several times faster than distinct strings and equals it
-- unless two keys collide (about 3 in a million for 10 million keys). The *_ms columns are V016's
-- latency timestamps (0 when unknown).
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_raw_events AS
SELECT
    event_time AS t,
    event_date AS day,
    CAST(event_type AS String) AS event_type,
    gateway,
    CAST(source AS String) AS source,
    if(event_id = '', concat('@', toString(kafka_partition), ':', toString(kafka_offset)), event_id)
        AS record_key,
    if(event_id = '', cityHash64(kafka_partition, kafka_offset), cityHash64(event_id)) AS record_hash,
    received_ts_ms,
    kafka_ts_ms,
    processed_ts_ms,
    inserted_ts_ms
FROM livepeer_analytics.streaming_events;

-- Dead letters, at the time they were dead-lettered (t) and at their event's time (event_t: the
-- envelope time, or the processing time when it could not be read, as the raw archive places
-- them, so both sides of the accounting share buckets). from_events_topic is 1 for records of the
-- events topic (the accounting's DLQ side), 0 for the gateway's rejections (never accepted).
CREATE VIEW IF NOT EXISTS livepeer_analytics.grafana_dead_letters AS
SELECT
    processed_time AS t,
    processed_date AS day,
    if(event_ts_ms > 0, toDateTime(intDiv(event_ts_ms, 1000)), processed_time) AS event_t,
    CAST(event_type AS String) AS event_type,
    gateway,
    CAST(source AS String) AS source,
    CAST(error_type AS String) AS error_type,
    CAST(kafka_topic AS String) AS kafka_topic,
    toUInt8(kafka_topic = 'streaming-events') AS from_events_topic,
    if(event_id = '', concat('@', toString(kafka_partition), ':', toString(kafka_offset)), event_id)
        AS record_key,
    if(event_id = '', cityHash64(kafka_partition, kafka_offset), cityHash64(event_id)) AS record_hash
FROM livepeer_analytics.streaming_events_dlq;
