package org.livepeer.analytics.processor;

import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.livepeer.analytics.processor.live.LiveSignal;
import org.livepeer.analytics.processor.route.DedupKey;
import org.livepeer.analytics.processor.route.GatewayDeadLetters;
import org.livepeer.analytics.processor.route.RouteAndDeduplicate;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.GatewayRejection;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * The job's wiring from the input streams to the ClickHouse sink, free of connectors so tests can
 * feed bounded input and a collecting sink.
 */
public final class PipelineTopology {

    private PipelineTopology() {}

    /**
     * Archives every event, routes it to typed rows or a dead letter (dropping later copies of an
     * event id within {@code dedupTtl}), copies the gateway's rejections to the DLQ table, and
     * sends all rows to {@code clickhouse}. Each record is parsed once, here.
     *
     * @param liveSignals whether to derive the live windows' signals from the same parse
     * @return one signal per record that is not a dropped copy, each stream's in Kafka order (empty
     *     unless {@code liveSignals})
     */
    public static DataStream<LiveSignal> build(
            DataStream<KafkaEvent> events,
            DataStream<GatewayRejection> gatewayRejections,
            Sink<SinkRow> clickhouse,
            Duration dedupTtl,
            boolean liveSignals) {
        SingleOutputStreamOperator<SinkRow> typed =
                events.keyBy(new DedupKey())
                        .process(new RouteAndDeduplicate(dedupTtl, liveSignals))
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
        return typed.getSideOutput(RouteAndDeduplicate.LIVE_SIGNALS);
    }
}
