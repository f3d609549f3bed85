-- Test-only migration set: version gating of single statements.
CREATE TABLE IF NOT EXISTS livepeer_analytics.gating_always
(
    id UInt32
)
ENGINE = MergeTree ORDER BY id;

-- requires: 18.1
CREATE TABLE IF NOT EXISTS livepeer_analytics.gating_old_enough (id UInt32) ENGINE = MergeTree ORDER BY id;

-- requires: 99.0
CREATE TABLE IF NOT EXISTS livepeer_analytics.gating_future (id UInt32) ENGINE = MergeTree ORDER BY id;

-- LowCardinality needs allow_experimental_low_cardinality_type on 18.16, which the migrator sends.
CREATE TABLE IF NOT EXISTS livepeer_analytics.gating_low_cardinality
(
    id UInt32,
    kind LowCardinality(String)
)
ENGINE = MergeTree ORDER BY id;
