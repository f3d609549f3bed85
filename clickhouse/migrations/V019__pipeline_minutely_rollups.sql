-- Per-minute rollups for the pipeline-health dashboard (grafana/dashboards/pipeline-health.json):
-- the accounting identity, rows per table and the latency through the pipeline, which the panels
-- computed from every raw and typed row of their range (0.2 to 1 s over 10 million rows, see
-- docs/benchmarks.md "Grafana panels"). Like orchestrator_hourly_stats (V017) they are recomputed
-- one hour at a time by the processor's sink (clickhouse/rollups/<table>.sql, docs/schema.md
-- "Rollups"), never accumulated at insert, so a replayed or retried insert counts once.
-- Unlike it they read their sources without FINAL: distinct counts ignore copies by themselves,
-- and a FINAL merge of the day's parts every refresh would cost more than the panels it saves.
-- A minute is the event's (the envelope time, the processing time when none could be read), the
-- same instant for an event's raw, typed and dead-letter rows, so the three sides share minutes.
-- Read them with FINAL (the newest computation of a minute wins).

-- The accounting identity per minute, event type and gateway: distinct records archived (raw),
-- distinct events with typed rows in any typed table (typed), distinct records dead-lettered from
-- the events topic (dlq). Sums over minutes are exact: each record has one minute.
CREATE TABLE IF NOT EXISTS livepeer_analytics.accounting_minutely
(
    minute DateTime,
    event_type String,
    gateway String,
    raw_events UInt64,
    typed_events UInt64,
    dlq_events UInt64,
    refreshed_ms UInt64
)
ENGINE = ReplacingMergeTree(refreshed_ms)
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, event_type, gateway);

-- Rows stored per minute, table and gateway (the raw archive and every typed table). Copies a
-- replay wrote count until ClickHouse merges them away, as the tables hold them.
CREATE TABLE IF NOT EXISTS livepeer_analytics.table_rows_minutely
(
    minute DateTime,
    table_name String,
    gateway String,
    stored_rows UInt64,
    refreshed_ms UInt64
)
ENGINE = ReplacingMergeTree(refreshed_ms)
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, table_name, gateway);

-- Latency through the pipeline per minute and gateway, from the raw archive's V016 timestamps
-- (rows with all three known): each hop's and the whole trip's milliseconds as mergeable
-- quantile states, so a panel merges the minutes of its interval. Values are bucketed before they
-- enter a state (exact below 100 ms, then two significant digits, rounded toward zero): a state
-- holds at most about a hundred values per decade, and a quantile read from it is at most 10 %
-- below the exact one (clickhouse/queries/pipeline_latency_per_minute.sql is exact).
CREATE TABLE IF NOT EXISTS livepeer_analytics.latency_minutely
(
    minute DateTime,
    gateway String,
    events UInt64,
    gateway_to_kafka AggregateFunction(quantilesExactWeighted(0.5, 0.95), Int64, UInt64),
    kafka_to_flink AggregateFunction(quantilesExactWeighted(0.5, 0.95), Int64, UInt64),
    flink_to_clickhouse AggregateFunction(quantilesExactWeighted(0.5, 0.95), Int64, UInt64),
    total AggregateFunction(quantilesExactWeighted(0.5, 0.95), Int64, UInt64),
    refreshed_ms UInt64
)
ENGINE = ReplacingMergeTree(refreshed_ms)
PARTITION BY toYYYYMM(minute)
ORDER BY (minute, gateway);

-- Kept 400 days, like orchestrator_hourly_stats. TTL needs ClickHouse 19.6+.
-- requires: 19.6
ALTER TABLE livepeer_analytics.accounting_minutely MODIFY TTL minute + INTERVAL 400 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.table_rows_minutely MODIFY TTL minute + INTERVAL 400 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.latency_minutely MODIFY TTL minute + INTERVAL 400 DAY;
