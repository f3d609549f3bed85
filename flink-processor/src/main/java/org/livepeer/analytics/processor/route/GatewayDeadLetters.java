package org.livepeer.analytics.processor.route;

import org.apache.flink.api.common.functions.MapFunction;
import org.livepeer.analytics.processor.row.SinkRow;
import org.livepeer.analytics.processor.source.GatewayRejection;

/**
 * Turns each record of the gateway's DLQ topic into a {@code streaming_events_dlq} row with {@code
 * source = 'gateway'}, so rejected traffic is visible beside the processor's own dead letters.
 */
public final class GatewayDeadLetters implements MapFunction<GatewayRejection, SinkRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public SinkRow map(GatewayRejection rejection) {
        return ArchiveRows.gatewayDeadLetter(rejection, System.currentTimeMillis());
    }

    /** The row for {@code rejection} as processed at {@code processedTsMs} (for tests). */
    public static SinkRow row(GatewayRejection rejection, long processedTsMs) {
        return ArchiveRows.gatewayDeadLetter(rejection, processedTsMs);
    }
}
