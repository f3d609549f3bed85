-- deterministic: true
-- Accounting for a time range: every record read from the events topic is archived once (raw)
-- and became typed rows or one dead letter, never both, so per event type
--   raw_events = typed_events + dlq_events   and   unaccounted = 0.
-- A record is its envelope id; one without a readable id (bad JSON, no id) is its Kafka position.
-- The range is on the envelope time (event_ts_ms); records whose time could not be read
-- (event_ts_ms = 0) count by the time they were processed. Dead letters from the gateway's
-- rejections topic are not records of the events topic and are left out (events_topic).
-- Run it once the sink has flushed: rows still in flight show up as unaccounted.
-- param: from_ms UInt64 = 0
-- param: to_ms UInt64 = 4102444800000
-- param: events_topic String = streaming-events
SELECT
    event_type,
    sum(raw) AS raw_events,
    sum(typed) AS typed_events,
    sum(dlq) AS dlq_events,
    toInt64(sum(raw)) - toInt64(sum(typed)) - toInt64(sum(dlq)) AS unaccounted
FROM
(
    SELECT
        CAST(event_type AS String) AS event_type,
        toUInt64(uniqExact(if(event_id = '',
            concat('@', toString(kafka_partition), ':', toString(kafka_offset)), event_id))) AS raw,
        toUInt64(0) AS typed,
        toUInt64(0) AS dlq
    FROM livepeer_analytics.streaming_events
    WHERE (event_ts_ms >= {from_ms:UInt64} AND event_ts_ms < {to_ms:UInt64})
       OR (event_ts_ms = 0 AND processed_ts_ms >= {from_ms:UInt64} AND processed_ts_ms < {to_ms:UInt64})
    GROUP BY event_type

    UNION ALL

    SELECT event_type, toUInt64(0) AS raw, toUInt64(uniqExact(event_id)) AS typed, toUInt64(0) AS dlq
    FROM
    (
        SELECT CAST(event_type AS String) AS event_type, event_id, event_ts_ms FROM livepeer_analytics.ai_stream_status
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.stream_ingest_metrics
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.stream_trace_events
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.ai_stream_events
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.network_capabilities
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.network_capability_capacities
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.network_capability_models
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.network_capability_prices
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.network_capability_hardware
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.discovery_results
        UNION ALL SELECT CAST(event_type AS String), event_id, event_ts_ms FROM livepeer_analytics.payment_events
    )
    WHERE event_ts_ms >= {from_ms:UInt64} AND event_ts_ms < {to_ms:UInt64}
    GROUP BY event_type

    UNION ALL

    SELECT
        CAST(event_type AS String) AS event_type,
        toUInt64(0) AS raw,
        toUInt64(0) AS typed,
        toUInt64(uniqExact(if(event_id = '',
            concat('@', toString(kafka_partition), ':', toString(kafka_offset)), event_id))) AS dlq
    FROM livepeer_analytics.streaming_events_dlq
    WHERE kafka_topic = {events_topic:String}
      AND ((event_ts_ms >= {from_ms:UInt64} AND event_ts_ms < {to_ms:UInt64})
        OR (event_ts_ms = 0 AND processed_ts_ms >= {from_ms:UInt64} AND processed_ts_ms < {to_ms:UInt64}))
    GROUP BY event_type
)
GROUP BY event_type
ORDER BY event_type
