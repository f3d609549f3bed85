package org.livepeer.analytics.processor;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.livepeer.analytics.processor.route.EventRouter;
import org.livepeer.analytics.processor.sink.clickhouse.SinkRow;
import org.livepeer.analytics.processor.source.KafkaEvent;

/**
 * The job's wiring from the events stream to the ClickHouse sink, free of connectors so tests can
 * feed bounded input and a collecting sink.
 */
public final class PipelineTopology {

    private PipelineTopology() {}

    /**
     * Routes every event to its raw-archive row and its typed rows or dead letter, and sends all of
     * them to {@code clickhouse}.
     */
    public static void build(DataStream<KafkaEvent> events, Sink<SinkRow> clickhouse) {
        SingleOutputStreamOperator<SinkRow> routed =
                events.process(new EventRouter()).name("route-and-parse").uid("route-and-parse");
        routed.union(routed.getSideOutput(EventRouter.DEAD_LETTERS))
                .sinkTo(clickhouse)
                .name("clickhouse")
                .uid("clickhouse-sink");
    }
}
