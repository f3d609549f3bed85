package org.livepeer.analytics.processor.source;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of a record: the envelope timestamp when it is valid and not implausibly far ahead of
 * the Kafka record time, else the Kafka record time. The cap keeps one event stamped in the far
 * future (a producer with a wrong clock) from pushing the watermark past every other event.
 */
public final class EventTimestamps implements SerializableTimestampAssigner<KafkaEvent> {

    private static final long serialVersionUID = 1L;

    /** How far an envelope timestamp may lead the Kafka record time and still be used. */
    public static final long MAX_LEAD_MS = 60_000;

    @Override
    public long extractTimestamp(KafkaEvent event, long recordTimestamp) {
        boolean recordTimeKnown = recordTimestamp > 0;
        if (event.eventTsMs > 0
                && (!recordTimeKnown || event.eventTsMs <= recordTimestamp + MAX_LEAD_MS)) {
            return event.eventTsMs;
        }
        return recordTimeKnown ? recordTimestamp : event.eventTsMs;
    }

    /** Bounded out-of-orderness, and idle partitions do not hold the watermark back. */
    public static WatermarkStrategy<KafkaEvent> strategy(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<KafkaEvent>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(new EventTimestamps())
                .withIdleness(idleness);
    }
}
