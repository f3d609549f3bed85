-- deterministic: true
-- Latency through the pipeline per minute (by the gateway's receive time), from the raw archive:
-- p50/p95/p99 in ms of each hop and of the whole trip of the rows received in that minute.
--   gateway_to_kafka    = kafka_ts_ms - received_ts_ms     gateway receive -> Kafka record time
--   kafka_to_flink      = processed_ts_ms - kafka_ts_ms    Kafka record time -> processor
--   flink_to_clickhouse = inserted_ts_ms - processed_ts_ms processor -> batch sent to ClickHouse
--   total               = inserted_ts_ms - received_ts_ms
-- Hops compare different machines' clocks (gateway, Kafka producer or broker, processor), so a
-- skewed clock shows as a negative or inflated hop, which is why the differences are signed.
-- Rows without a receive time (direct producers, no received_at header) or written before V016
-- (no Kafka or insert time) are left out. The lower bound greatest(from_ms, 1) is what excludes
-- received_ts_ms = 0: a separate "> 0" next to the literal ">= 0" of the default range makes 18.16
-- fail with "Column '0' already exists". Exact quantiles: the value at rank level * n, the same on
-- every engine.
-- param: from_ms UInt64 = 0
-- param: to_ms UInt64 = 4102444800000
SELECT
    toDateTime(intDiv(minute_ms, 1000)) AS minute,
    events,
    gateway_to_kafka[1] AS gateway_to_kafka_p50_ms,
    gateway_to_kafka[2] AS gateway_to_kafka_p95_ms,
    gateway_to_kafka[3] AS gateway_to_kafka_p99_ms,
    kafka_to_flink[1] AS kafka_to_flink_p50_ms,
    kafka_to_flink[2] AS kafka_to_flink_p95_ms,
    kafka_to_flink[3] AS kafka_to_flink_p99_ms,
    flink_to_clickhouse[1] AS flink_to_clickhouse_p50_ms,
    flink_to_clickhouse[2] AS flink_to_clickhouse_p95_ms,
    flink_to_clickhouse[3] AS flink_to_clickhouse_p99_ms,
    total[1] AS total_p50_ms,
    total[2] AS total_p95_ms,
    total[3] AS total_p99_ms
FROM
(
    SELECT
        intDiv(received_ts_ms, 60000) * 60000 AS minute_ms,
        count() AS events,
        quantilesExact(0.5, 0.95, 0.99)(toInt64(kafka_ts_ms) - toInt64(received_ts_ms)) AS gateway_to_kafka,
        quantilesExact(0.5, 0.95, 0.99)(toInt64(processed_ts_ms) - toInt64(kafka_ts_ms)) AS kafka_to_flink,
        quantilesExact(0.5, 0.95, 0.99)(toInt64(inserted_ts_ms) - toInt64(processed_ts_ms)) AS flink_to_clickhouse,
        quantilesExact(0.5, 0.95, 0.99)(toInt64(inserted_ts_ms) - toInt64(received_ts_ms)) AS total
    FROM livepeer_analytics.streaming_events
    WHERE received_ts_ms >= greatest({from_ms:UInt64}, 1) AND received_ts_ms < {to_ms:UInt64}
      AND kafka_ts_ms > 0 AND inserted_ts_ms > 0
    GROUP BY minute_ms
)
ORDER BY minute
