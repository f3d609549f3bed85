-- Recomputes one hour of orchestrator_hourly_stats (V017) from ai_stream_status, each event once
-- (FINAL collapses the copies a replay or a retried insert left), stamped with refreshed_ms so the
-- newest computation of an hour replaces the older ones (ReplacingMergeTree). The processor's
-- ClickHouse sink runs it for every hour its inserts touched (docs/schema.md, "Rollups"); any
-- client may run it again, the answer only depends on the typed rows.
-- The event_date bounds (a day wider than the hour, whatever the server's time zone) let the
-- server skip the other months' partitions.
INSERT INTO livepeer_analytics.orchestrator_hourly_stats
    (hour, orchestrator_address, samples, output_fps_avg, output_fps_min, input_fps_avg, streams,
     restarts, errors, error_samples, degraded_samples, refreshed_ms)
SELECT
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
    sumState(toUInt64(startsWith(state, 'DEGRADED'))) AS degraded_samples,
    toUInt64({refreshed_ms:UInt64}) AS refreshed_ms
FROM livepeer_analytics.ai_stream_status FINAL
WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1
    AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
    AND event_time >= toDateTime({hour_start:UInt32})
    AND event_time < toDateTime({hour_start:UInt32} + 3600)
GROUP BY hour, orchestrator_address
