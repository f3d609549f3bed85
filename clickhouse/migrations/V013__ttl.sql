-- Retention: 90 days for the raw archive and every typed table, 30 days for dead letters.
-- TTL needs ClickHouse 19.6+, older servers (the 18.16 test floor) keep data until dropped.
-- requires: 19.6
ALTER TABLE livepeer_analytics.streaming_events MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.ai_stream_status MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.stream_ingest_metrics MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.stream_trace_events MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.ai_stream_events MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.network_capabilities MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.network_capability_capacities MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.network_capability_models MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.network_capability_prices MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.network_capability_hardware MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.discovery_results MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.payment_events MODIFY TTL event_date + INTERVAL 90 DAY;
-- requires: 19.6
ALTER TABLE livepeer_analytics.streaming_events_dlq MODIFY TTL processed_date + INTERVAL 30 DAY;
