-- network_capabilities (CATALOG §7) fans out to five tables, each row carrying the element's
-- position in the event's array (so one event's rows stay distinct even when an element repeats):
--   network_capabilities           one row per orchestrator element (this file)
--   network_capability_capacities  element x capabilities.capacities entry
--   network_capability_models      element x constraints.PerCapability x model
--   network_capability_prices      element x capabilities_prices entry (price_position)
--   network_capability_hardware    element x hardware entry (hardware_position) x GPU (gpu_position)
-- Addresses are lower-cased. Inside the protobuf-generated structs an absent field means its
-- zero value (Go omitempty), so those columns are 0/''/0 rather than NULL.
-- price_per_unit/pixels_per_unit come from price_info and are NULL when the element has none.
-- capability_options_json is the fork gateways' capability_options as JSON text.
CREATE TABLE IF NOT EXISTS livepeer_analytics.network_capabilities
(
    event_id String,
    event_type LowCardinality(String),
    event_ts_ms UInt64,
    event_time DateTime,
    event_date Date,
    gateway String,
    source LowCardinality(String),
    position UInt32,
    orchestrator_address String,
    local_address Nullable(String),
    orch_uri String,
    orchestrator_version Nullable(String),
    min_version Nullable(String),
    bitstring Array(UInt64),
    mandatories Array(UInt64),
    price_per_unit Nullable(Int64),
    pixels_per_unit Nullable(Int64),
    capability_options_json Nullable(String)
)
ENGINE = ReplacingMergeTree()
PARTITION BY toYYYYMM(event_date)
ORDER BY (orchestrator_address, orch_uri, event_id, position);
