CREATE TABLE IF NOT EXISTS livepeer_analytics.changed (id UInt64) ENGINE = MergeTree ORDER BY id;
