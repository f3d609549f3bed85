package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.Serializable;
import java.net.URI;
import org.livepeer.analytics.config.SecretMask;

/**
 * Where and how the sink writes: endpoint, credentials, batch bounds, how often the rollups are
 * recomputed, and the events topic (the accounting rollup counts its dead letters apart from the
 * gateway's rejections).
 */
public record ClickHouseSinkConfig(
        URI url,
        String user,
        String password,
        String database,
        int batchMaxRows,
        long batchMaxBytes,
        long batchMaxDelayMs,
        long retryMaxDurationMs,
        long rollupRefreshMs,
        String eventsTopic)
        implements Serializable {

    @Override
    public String toString() {
        return SecretMask.render(this);
    }
}
