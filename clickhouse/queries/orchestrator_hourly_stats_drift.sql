-- deterministic: true
-- Whether the stored hourly rollup (orchestrator_hourly_stats, V017) equals a fresh recompute from
-- ai_stream_status. One row: the (hour, orchestrator) keys on either side, how many of them differ
-- (0 = the rollup is exact), and the hours that differ. Run it after a restore, a replay or a
-- drill (docs/reliability.md); an hour whose newest rows were inserted less than
-- PROCESSOR_ROLLUP_REFRESH_MS ago may not be recomputed yet.
-- param: from_hour DateTime = 2000-01-01 00:00:00
-- param: to_hour DateTime = 2100-01-01 00:00:00
SELECT
    uniqExact(hour, orchestrator_address) AS keys,
    uniqExactIf(hour, orchestrator_address, copies = 1) AS differing_keys,
    arraySort(groupUniqArrayIf(toString(hour), copies = 1)) AS differing_hours
FROM
(
    -- A key whose values agree on both sides forms one group of two copies.
    SELECT hour, orchestrator_address, count() AS copies
    FROM
    (
        SELECT
            hour,
            orchestrator_address,
            countMerge(samples) AS samples,
            round(avgMerge(output_fps_avg), 4) AS avg_output_fps,
            round(minMerge(output_fps_min), 4) AS min_output_fps,
            round(avgMerge(input_fps_avg), 4) AS avg_input_fps,
            uniqExactMerge(streams) AS streams,
            uniqExactIfMerge(restarts) AS restarts,
            uniqExactIfMerge(errors) AS errors,
            sumMerge(error_samples) AS error_samples,
            sumMerge(degraded_samples) AS degraded_samples
        FROM livepeer_analytics.orchestrator_hourly_stats FINAL
        WHERE hour >= {from_hour:DateTime} AND hour < {to_hour:DateTime}
        GROUP BY hour, orchestrator_address
        UNION ALL
        SELECT
            toStartOfHour(event_time) AS hour,
            ifNull(orchestrator_address, '') AS orchestrator_address,
            count() AS samples,
            round(avg(output_fps), 4) AS avg_output_fps,
            round(min(output_fps), 4) AS min_output_fps,
            round(avg(input_fps), 4) AS avg_input_fps,
            uniqExact(stream_id) AS streams,
            uniqExactIf(
                stream_id,
                ifNull(last_restart_time_ms, toUInt64(0)),
                ifNull(last_restart_time_ms, toUInt64(0)) >= ifNull(start_time_ms, toUInt64(0))
                    AND ifNull(last_restart_time_ms, toUInt64(0)) > 0) AS restarts,
            uniqExactIf(
                stream_id,
                ifNull(last_error_time_ms, toUInt64(0)),
                ifNull(last_error_time_ms, toUInt64(0)) >= ifNull(start_time_ms, toUInt64(0))
                    AND ifNull(last_error_time_ms, toUInt64(0)) > 0) AS errors,
            sum(toUInt64(state = 'ERROR')) AS error_samples,
            sum(toUInt64(startsWith(state, 'DEGRADED'))) AS degraded_samples
        FROM livepeer_analytics.ai_stream_status FINAL
        WHERE toStartOfHour(event_time) >= {from_hour:DateTime}
          AND toStartOfHour(event_time) < {to_hour:DateTime}
        GROUP BY hour, orchestrator_address
    )
    GROUP BY
        hour, orchestrator_address, samples, avg_output_fps, min_output_fps, avg_input_fps,
        streams, restarts, errors, error_samples, degraded_samples
)
-- One row; the ORDER BY only satisfies the rule for deterministic queries.
ORDER BY keys
