-- Rollup: one row per hour and orchestrator (local address, '' when the gateway had no session)
-- with partial aggregates of ai_stream_status, fed by a materialized view on every insert. Read it
-- with the -Merge combinators (clickhouse/queries/orchestrator_hourly_stats.sql), never as plain
-- columns: a key may have several unmerged rows.
--   samples          status reports (one per stream every 10 s)
--   output_fps_*     inference_status.fps over the reports (frames/s)
--   input_fps_avg    input_status.fps over the reports (frames/s)
--   streams          distinct stream_id
--   restarts/errors  distinct (stream_id, last_restart_time_ms / last_error_time_ms) that happened
--                    during the stream's session (not before start_time_ms: the runner repeats stale
--                    values from earlier sessions), a restart reported in two hours counts once per
--                    hour, merging the states over a day counts it once
--   error_samples    reports in state ERROR, degraded_samples reports in a DEGRADED_* state
CREATE TABLE IF NOT EXISTS livepeer_analytics.orchestrator_hourly_stats
(
    hour DateTime,
    orchestrator_address String,
    samples AggregateFunction(count),
    output_fps_avg AggregateFunction(avg, Float64),
    output_fps_min AggregateFunction(min, Float64),
    input_fps_avg AggregateFunction(avg, Float64),
    streams AggregateFunction(uniqExact, String),
    restarts AggregateFunction(uniqExactIf, String, UInt64, UInt8),
    errors AggregateFunction(uniqExactIf, String, UInt64, UInt8),
    error_samples AggregateFunction(sum, UInt64),
    degraded_samples AggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree()
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, orchestrator_address);

CREATE MATERIALIZED VIEW IF NOT EXISTS livepeer_analytics.orchestrator_hourly_stats_mv
TO livepeer_analytics.orchestrator_hourly_stats
AS SELECT
    toStartOfHour(event_time) AS hour,
    ifNull(orchestrator_address, '') AS orchestrator_address,
    countState() AS samples,
    avgState(output_fps) AS output_fps_avg,
    minState(output_fps) AS output_fps_min,
    avgState(input_fps) AS input_fps_avg,
    uniqExactState(stream_id) AS streams,
    uniqExactIfState(
        stream_id,
        ifNull(last_restart_time_ms, toUInt64(0)),
        toUInt8(ifNull(last_restart_time_ms, toUInt64(0)) >= ifNull(start_time_ms, toUInt64(0))
            AND ifNull(last_restart_time_ms, toUInt64(0)) > 0)) AS restarts,
    uniqExactIfState(
        stream_id,
        ifNull(last_error_time_ms, toUInt64(0)),
        toUInt8(ifNull(last_error_time_ms, toUInt64(0)) >= ifNull(start_time_ms, toUInt64(0))
            AND ifNull(last_error_time_ms, toUInt64(0)) > 0)) AS errors,
    sumState(toUInt64(state = 'ERROR')) AS error_samples,
    sumState(toUInt64(startsWith(state, 'DEGRADED'))) AS degraded_samples
FROM livepeer_analytics.ai_stream_status
GROUP BY hour, orchestrator_address;

-- Kept 400 days, longer than the 90-day raw rows it summarises. TTL needs ClickHouse 19.6+.
-- requires: 19.6
ALTER TABLE livepeer_analytics.orchestrator_hourly_stats MODIFY TTL hour + INTERVAL 400 DAY;
