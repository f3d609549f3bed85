-- deterministic: true
-- SLA score per orchestrator and UTC day, from the hourly rollup (V017). docs/schema.md explains
-- the formula:
--   fps_score         = min(avg output fps / target_fps, 1)
--   reliability_score = max(1 - (restarts + errors) / streams, 0)
--   sla_score         = 0.6 * fps_score + 0.4 * reliability_score        (0 = worst, 1 = best)
-- Samples without an orchestrator ('' address) are left out: no orchestrator is accountable.
-- param: target_fps Float64 = 15
-- param: from_day Date = 2000-01-01
-- param: to_day Date = 2100-01-01
SELECT
    day,
    orchestrator_address,
    samples,
    round(fps_avg, 3) AS avg_output_fps,
    round(fps_min, 3) AS min_output_fps,
    streams,
    restarts,
    errors,
    round(least(fps_avg / {target_fps:Float64}, 1), 4) AS fps_score,
    round(greatest(1 - (restarts + errors) / streams, 0), 4) AS reliability_score,
    round(0.6 * least(fps_avg / {target_fps:Float64}, 1)
        + 0.4 * greatest(1 - (restarts + errors) / streams, 0), 4) AS sla_score
FROM
(
    SELECT
        toDate(hour) AS day,
        orchestrator_address,
        countMerge(samples) AS samples,
        avgMerge(output_fps_avg) AS fps_avg,
        minMerge(output_fps_min) AS fps_min,
        uniqExactMerge(streams) AS streams,
        uniqExactIfMerge(restarts) AS restarts,
        uniqExactIfMerge(errors) AS errors
    FROM livepeer_analytics.orchestrator_hourly_stats FINAL
    WHERE orchestrator_address != ''
      AND hour >= toDateTime({from_day:Date}) AND hour < toDateTime({to_day:Date})
    GROUP BY day, orchestrator_address
)
ORDER BY day, orchestrator_address
