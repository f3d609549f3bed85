package org.livepeer.analytics.processor;

import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.livepeer.analytics.processor.live.LiveMetricsConfig;
import org.livepeer.analytics.processor.live.LiveMetricsTopology;
import org.livepeer.analytics.processor.route.DedupKey;
import org.livepeer.analytics.processor.route.GatewayDeadLetters;
import org.livepeer.analytics.processor.route.RouteAndDeduplicate;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.GatewayRejection;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * The whole job from its input streams to its sinks (docs/processor.md, "Topology"), free of
 * connectors: {@link ProcessorJob} passes the Kafka sources and the ClickHouse and live-metrics
 * sinks, tests pass bounded input and collecting sinks. Every operator has a stable uid (pinned by
 * {@code PipelineTopologyTest}): checkpoints and savepoints are matched to operators by it.
 */
public final class PipelineTopology {

    private PipelineTopology() {}

    /**
     * Archives every event, routes it to typed rows or a dead letter (dropping later copies of an
     * event id within {@code dedupTtl}), copies the gateway's rejections to the DLQ table, and
     * sends all rows to {@code clickhouse}. Each record is parsed once, here. When {@code live} is
     * enabled, the live windows read the signals of the same parse and write to {@code
     * liveMetrics}, which is otherwise left unused.
     */
    public static void build(
            DataStream<KafkaEvent> events,
            DataStream<GatewayRejection> gatewayRejections,
            Sink<SinkRow> clickhouse,
            Sink<String> liveMetrics,
            Duration dedupTtl,
            LiveMetricsConfig live) {
        SingleOutputStreamOperator<SinkRow> typed =
                events.keyBy(new DedupKey())
                        .process(new RouteAndDeduplicate(dedupTtl, live.enabled()))
                        .name("route-parse-dedup")
                        .uid("route-parse-dedup");
        DataStream<SinkRow> gatewayDeadLetters =
                gatewayRejections
                        .map(new GatewayDeadLetters())
                        .name("gateway-dead-letters")
                        .uid("gateway-dead-letters");
        typed.union(
                        typed.getSideOutput(RouteAndDeduplicate.RAW_ARCHIVE),
                        typed.getSideOutput(RouteAndDeduplicate.DEAD_LETTERS),
                        gatewayDeadLetters)
                .sinkTo(clickhouse)
                .name("clickhouse")
                .uid("clickhouse-sink");
        if (live.enabled()) {
            // One signal per record that is not a dropped copy, each stream's in Kafka order.
            LiveMetricsTopology.build(
                    typed.getSideOutput(RouteAndDeduplicate.LIVE_SIGNALS), liveMetrics, live);
        }
    }
}
