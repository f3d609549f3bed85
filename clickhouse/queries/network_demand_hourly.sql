-- deterministic: true
-- Network demand per hour and pipeline: streams and inference minutes from ai_stream_status, fees
-- from payment_events. A payment names no stream and its requestID is empty on follow-up payments
-- (docs/events.md §9), so each payment is tied to its session's first payment (same sessionID), whose
-- requestID is the stream's request_id, and takes that stream's pipeline; a payment whose session
-- cannot be resolved counts under pipeline ''.
--   inference_minutes = status reports with output fps > 0, times the 10 s report interval
--   face_value_eth    = sum of ticket face values / 1e18 (face_value_wei is exact)
--   fees_eth          = expected value paid: face value * win probability * tickets / 1e18
-- param: from_ms UInt64 = 0
-- param: to_ms UInt64 = 4102444800000
-- param: report_interval_s Float64 = 10
SELECT
    hour,
    pipeline,
    sum(stream_count) AS streams,
    round(sum(active_reports) * {report_interval_s:Float64} / 60, 3) AS inference_minutes,
    sum(payment_count) AS payments,
    sum(ticket_count) AS tickets,
    sum(face_wei) AS face_value_wei,
    round(sum(face_wei) / 1e18, 9) AS face_value_eth,
    round(sum(expected_wei) / 1e18, 12) AS fees_eth
FROM
(
    SELECT
        toStartOfHour(event_time) AS hour,
        ifNull(pipeline, '') AS pipeline,
        toUInt64(uniqExact(stream_id)) AS stream_count,
        toUInt64(countIf(output_fps > 0)) AS active_reports,
        toUInt64(0) AS payment_count,
        toUInt64(0) AS ticket_count,
        toUInt64(0) AS face_wei,
        toFloat64(0) AS expected_wei
    FROM livepeer_analytics.ai_stream_status
    WHERE event_ts_ms >= {from_ms:UInt64} AND event_ts_ms < {to_ms:UInt64}
    GROUP BY hour, pipeline

    UNION ALL

    SELECT
        hour,
        pipeline,
        toUInt64(0) AS stream_count,
        toUInt64(0) AS active_reports,
        toUInt64(count()) AS payment_count,
        toUInt64(sum(num_tickets)) AS ticket_count,
        toUInt64(sum(face_value_wei)) AS face_wei,
        toFloat64(sum(face_value_wei * win_prob * num_tickets)) AS expected_wei
    FROM
    (
        SELECT hour, session_request_id, face_value_wei, win_prob, num_tickets
        FROM
        (
            SELECT
                toStartOfHour(event_time) AS hour,
                session_id,
                face_value_wei,
                win_prob,
                num_tickets
            FROM livepeer_analytics.payment_events
            WHERE event_ts_ms >= {from_ms:UInt64} AND event_ts_ms < {to_ms:UInt64}
        ) AS payment
        ANY LEFT JOIN
        (
            SELECT session_id, min(ifNull(request_id, '')) AS session_request_id
            FROM livepeer_analytics.payment_events
            WHERE ifNull(request_id, '') != ''
            GROUP BY session_id
        ) AS session_request USING (session_id)
    ) AS resolved
    ANY LEFT JOIN
    (
        SELECT request_id AS session_request_id, min(ifNull(pipeline, '')) AS pipeline
        FROM livepeer_analytics.ai_stream_status
        GROUP BY request_id
    ) AS stream_pipeline USING (session_request_id)
    GROUP BY hour, pipeline
)
GROUP BY hour, pipeline
ORDER BY hour, pipeline
