-- The hourly rollup is recomputed from the typed rows instead of summed at insert time.
-- V014's materialized view added every inserted block to the rollup, so an event inserted twice
-- (a replay after a restore, an insert retried after a timeout that had in fact succeeded) was
-- counted twice, while the typed table itself collapses such copies. Now the processor's sink
-- recomputes each hour its inserts touched from ai_stream_status FINAL
-- (clickhouse/rollups/orchestrator_hourly_stats.sql) and the newest computation of an hour wins.
-- Columns as in V014, plus refreshed_ms (when that hour was computed, Unix ms). Read it with FINAL
-- and the -Merge combinators (clickhouse/queries/orchestrator_hourly_stats.sql).
DROP TABLE IF EXISTS livepeer_analytics.orchestrator_hourly_stats_mv;

DROP TABLE IF EXISTS livepeer_analytics.orchestrator_hourly_stats;

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
    degraded_samples AggregateFunction(sum, UInt64),
    refreshed_ms UInt64
)
ENGINE = ReplacingMergeTree(refreshed_ms)
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, orchestrator_address);

-- Every hour already in ai_stream_status, computed once as the rollup file does (refreshed_ms 0,
-- so any later computation replaces it).
INSERT INTO livepeer_analytics.orchestrator_hourly_stats
SELECT
    toStartOfHour(event_time) AS hour,
    ifNull(orchestrator_address, '') AS orchestrator_address,
    countState(),
    avgState(output_fps),
    minState(output_fps),
    avgState(input_fps),
    uniqExactState(stream_id),
    uniqExactIfState(
        stream_id,
        ifNull(last_restart_time_ms, toUInt64(0)),
        toUInt8(ifNull(last_restart_time_ms, toUInt64(0)) >= ifNull(start_time_ms, toUInt64(0))
            AND ifNull(last_restart_time_ms, toUInt64(0)) > 0)),
    uniqExactIfState(
        stream_id,
        ifNull(last_error_time_ms, toUInt64(0)),
        toUInt8(ifNull(last_error_time_ms, toUInt64(0)) >= ifNull(start_time_ms, toUInt64(0))
            AND ifNull(last_error_time_ms, toUInt64(0)) > 0)),
    sumState(toUInt64(state = 'ERROR')),
    sumState(toUInt64(startsWith(state, 'DEGRADED'))),
    toUInt64(0)
FROM livepeer_analytics.ai_stream_status FINAL
GROUP BY hour, orchestrator_address;

-- Kept 400 days, longer than the 90-day raw rows it summarises. TTL needs ClickHouse 19.6+.
-- requires: 19.6
ALTER TABLE livepeer_analytics.orchestrator_hourly_stats MODIFY TTL hour + INTERVAL 400 DAY;
