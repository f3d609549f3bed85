-- Recomputes one hour of accounting_minutely (V019): per minute, event type and gateway, the
-- distinct records archived, the distinct events with typed rows in any typed table (a
-- capabilities event fans out into five tables and counts once) and the distinct records of the
-- events topic that were dead-lettered, as clickhouse/queries/accounting_by_event_type.sql counts
-- them. Distinct counts need no FINAL: copies of a record a replay wrote count once. A record is
-- placed at its envelope time, or at its processing time when none could be read. The sink runs it
-- for every hour its inserts touched in any of these tables (docs/schema.md, "Rollups").
-- The event_date bounds (a day wider than the hour, whatever the server's time zone) let the
-- server skip parts of other days.
INSERT INTO livepeer_analytics.accounting_minutely
    (minute, event_type, gateway, raw_events, typed_events, dlq_events, refreshed_ms)
SELECT minute, event_type, gateway, sum(raw), sum(typed), sum(dlq), toUInt64({refreshed_ms:UInt64})
FROM
(
    SELECT
        toStartOfMinute(event_time) AS minute,
        CAST(event_type AS String) AS event_type,
        gateway,
        toUInt64(uniqExact(if(event_id = '',
            concat('@', toString(kafka_partition), ':', toString(kafka_offset)), event_id))) AS raw,
        toUInt64(0) AS typed,
        toUInt64(0) AS dlq
    FROM livepeer_analytics.streaming_events
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1
        AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32})
        AND event_time < toDateTime({hour_start:UInt32} + 3600)
    GROUP BY minute, event_type, gateway

    UNION ALL

    SELECT minute, event_type, gateway, toUInt64(0) AS raw, toUInt64(uniqExact(event_id)) AS typed,
        toUInt64(0) AS dlq
    FROM
    (
        SELECT toStartOfMinute(event_time) AS minute, CAST(event_type AS String) AS event_type, gateway, event_id
        FROM livepeer_analytics.ai_stream_status
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.stream_ingest_metrics
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.stream_trace_events
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.ai_stream_events
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.network_capabilities
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.network_capability_capacities
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.network_capability_models
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.network_capability_prices
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.network_capability_hardware
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.discovery_results
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
        UNION ALL SELECT toStartOfMinute(event_time), CAST(event_type AS String), gateway, event_id
        FROM livepeer_analytics.payment_events
        WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
            AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    )
    GROUP BY minute, event_type, gateway

    UNION ALL

    SELECT
        toStartOfMinute(if(event_ts_ms > 0, toDateTime(intDiv(event_ts_ms, 1000)), processed_time))
            AS minute,
        CAST(event_type AS String) AS event_type,
        gateway,
        toUInt64(0) AS raw,
        toUInt64(0) AS typed,
        toUInt64(uniqExact(if(event_id = '',
            concat('@', toString(kafka_partition), ':', toString(kafka_offset)), event_id))) AS dlq
    FROM livepeer_analytics.streaming_events_dlq
    WHERE kafka_topic = {events_topic:String}
        AND ((event_ts_ms >= toUInt64({hour_start:UInt32}) * 1000
                AND event_ts_ms < (toUInt64({hour_start:UInt32}) + 3600) * 1000)
            OR (event_ts_ms = 0 AND processed_time >= toDateTime({hour_start:UInt32})
                AND processed_time < toDateTime({hour_start:UInt32} + 3600)))
    GROUP BY minute, event_type, gateway
)
GROUP BY minute, event_type, gateway
