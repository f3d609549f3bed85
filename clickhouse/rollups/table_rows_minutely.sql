-- Recomputes one hour of table_rows_minutely (V019): the rows stored per minute, table and gateway
-- in the raw archive and every typed table, as they are (no FINAL: copies a replay wrote count
-- until ClickHouse merges them away). The sink runs it for every hour its inserts touched in any
-- of these tables (docs/schema.md, "Rollups"). The filter is in every branch so that each table
-- reads only the parts of the hour's days.
INSERT INTO livepeer_analytics.table_rows_minutely
    (minute, table_name, gateway, stored_rows, refreshed_ms)
SELECT minute, table_name, gateway, count() AS stored_rows, toUInt64({refreshed_ms:UInt64})
FROM
(
    SELECT toStartOfMinute(event_time) AS minute, 'streaming_events' AS table_name, gateway
    FROM livepeer_analytics.streaming_events
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'ai_stream_status', gateway FROM livepeer_analytics.ai_stream_status
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'stream_ingest_metrics', gateway FROM livepeer_analytics.stream_ingest_metrics
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'stream_trace_events', gateway FROM livepeer_analytics.stream_trace_events
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'ai_stream_events', gateway FROM livepeer_analytics.ai_stream_events
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'network_capabilities', gateway FROM livepeer_analytics.network_capabilities
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'network_capability_capacities', gateway FROM livepeer_analytics.network_capability_capacities
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'network_capability_models', gateway FROM livepeer_analytics.network_capability_models
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'network_capability_prices', gateway FROM livepeer_analytics.network_capability_prices
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'network_capability_hardware', gateway FROM livepeer_analytics.network_capability_hardware
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'discovery_results', gateway FROM livepeer_analytics.discovery_results
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
    UNION ALL SELECT toStartOfMinute(event_time), 'payment_events', gateway FROM livepeer_analytics.payment_events
    WHERE event_date >= toDate(toDateTime({hour_start:UInt32})) - 1 AND event_date <= toDate(toDateTime({hour_start:UInt32})) + 1
        AND event_time >= toDateTime({hour_start:UInt32}) AND event_time < toDateTime({hour_start:UInt32} + 3600)
)
GROUP BY minute, table_name, gateway
