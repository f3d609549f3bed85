-- deterministic: true
-- Hourly health per orchestrator (local address; '' = no orchestrator session yet), read from the
-- rollup the processor recomputes from ai_stream_status (V017; FINAL keeps each hour's newest
-- computation). Floats are rounded so every engine prints the same digits whatever order it
-- summed in.
-- param: from_hour DateTime = 2000-01-01 00:00:00
-- param: to_hour DateTime = 2100-01-01 00:00:00
SELECT
    hour,
    orchestrator_address,
    countMerge(samples) AS samples,
    round(avgMerge(output_fps_avg), 3) AS avg_output_fps,
    round(minMerge(output_fps_min), 3) AS min_output_fps,
    round(avgMerge(input_fps_avg), 3) AS avg_input_fps,
    uniqExactMerge(streams) AS streams,
    uniqExactIfMerge(restarts) AS restarts,
    uniqExactIfMerge(errors) AS errors,
    sumMerge(error_samples) AS error_samples,
    sumMerge(degraded_samples) AS degraded_samples
FROM livepeer_analytics.orchestrator_hourly_stats FINAL
WHERE hour >= {from_hour:DateTime} AND hour < {to_hour:DateTime}
GROUP BY hour, orchestrator_address
ORDER BY hour, orchestrator_address
