CREATE TABLE IF NOT EXISTS livepeer_analytics.changed (id UInt32) ENGINE = MergeTree ORDER BY id;
