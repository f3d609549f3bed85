-- Skip indexes for the lookups dashboards make by orchestrator and by request. Data-skipping
-- indexes are GA from ClickHouse 20.3 on (experimental behind a setting before), so older servers
-- (the 18.16 test floor) run without them: same answers, more rows read.
-- requires: 20.3
ALTER TABLE livepeer_analytics.ai_stream_status ADD INDEX IF NOT EXISTS idx_orchestrator_address orchestrator_address TYPE bloom_filter GRANULARITY 4;
-- requires: 20.3
ALTER TABLE livepeer_analytics.stream_trace_events ADD INDEX IF NOT EXISTS idx_request_id request_id TYPE bloom_filter GRANULARITY 4;
-- requires: 20.3
ALTER TABLE livepeer_analytics.payment_events ADD INDEX IF NOT EXISTS idx_session_id session_id TYPE bloom_filter GRANULARITY 4;
