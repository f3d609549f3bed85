-- Recomputes one hour of latency_minutely (V019) from the raw archive: per minute (of the event)
-- and gateway, each hop's and the whole trip's milliseconds as quantile states, the hops as in
-- clickhouse/queries/pipeline_latency_per_minute.sql (signed: a skewed clock shows as a negative
-- hop). Rows without a receive, Kafka or insert time are left out. Every row counts, copies a
-- replay wrote included (each was a real trip through the pipeline). Values are bucketed before
-- they enter a state: exact below 100 ms, then two significant digits rounded toward zero, so a
-- state stays small and a quantile read from it is at most 10 % below the exact one.
INSERT INTO livepeer_analytics.latency_minutely
    (minute, gateway, events, gateway_to_kafka, kafka_to_flink, flink_to_clickhouse, total,
     refreshed_ms)
SELECT
    minute,
    gateway,
    count() AS events,
    quantilesExactWeightedState(0.5, 0.95)(intDiv(gk, multiIf(abs(gk) < 100, 1, abs(gk) < 1000, 10, abs(gk) < 10000, 100, abs(gk) < 100000, 1000, abs(gk) < 1000000, 10000, 100000)) * multiIf(abs(gk) < 100, 1, abs(gk) < 1000, 10, abs(gk) < 10000, 100, abs(gk) < 100000, 1000, abs(gk) < 1000000, 10000, 100000), toUInt64(1)) AS gateway_to_kafka,
    quantilesExactWeightedState(0.5, 0.95)(intDiv(kf, multiIf(abs(kf) < 100, 1, abs(kf) < 1000, 10, abs(kf) < 10000, 100, abs(kf) < 100000, 1000, abs(kf) < 1000000, 10000, 100000)) * multiIf(abs(kf) < 100, 1, abs(kf) < 1000, 10, abs(kf) < 10000, 100, abs(kf) < 100000, 1000, abs(kf) < 1000000, 10000, 100000), toUInt64(1)) AS kafka_to_flink,
    quantilesExactWeightedState(0.5, 0.95)(intDiv(fc, multiIf(abs(fc) < 100, 1, abs(fc) < 1000, 10, abs(fc) < 10000, 100, abs(fc) < 100000, 1000, abs(fc) < 1000000, 10000, 100000)) * multiIf(abs(fc) < 100, 1, abs(fc) < 1000, 10, abs(fc) < 10000, 100, abs(fc) < 100000, 1000, abs(fc) < 1000000, 10000, 100000), toUInt64(1)) AS flink_to_clickhouse,
    quantilesExactWeightedState(0.5, 0.95)(intDiv(tt, multiIf(abs(tt) < 100, 1, abs(tt) < 1000, 10, abs(tt) < 10000, 100, abs(tt) < 100000, 1000, abs(tt) < 1000000, 10000, 100000)) * multiIf(abs(tt) < 100, 1, abs(tt) < 1000, 10, abs(tt) < 10000, 100, abs(tt) < 100000, 1000, abs(tt) < 1000000, 10000, 100000), toUInt64(1)) AS total,
    toUInt64({refreshed_ms:UInt64}) AS refreshed_ms
FROM
(
    SELECT
        toStartOfMinute(event_time) AS minute,
        gateway,
        toInt64(kafka_ts_ms) - toInt64(received_ts_ms) AS gk,
        toInt64(processed_ts_ms) - toInt64(kafka_ts_ms) AS kf,
        toInt64(inserted_ts_ms) - toInt64(processed_ts_ms) AS fc,
        toInt64(inserted_ts_ms) - toInt64(received_ts_ms) AS tt
    FROM livepeer_analytics.streaming_events
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1
        AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32})
        AND event_time < toDateTime({hour_start:UInt32} + 3600)
        AND received_ts_ms > 0 AND kafka_ts_ms > 0 AND inserted_ts_ms > 0
)
GROUP BY minute, gateway
