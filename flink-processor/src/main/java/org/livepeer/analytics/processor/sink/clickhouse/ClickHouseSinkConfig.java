package org.livepeer.analytics.processor.sink.clickhouse;

import java.io.Serializable;
import java.net.URI;

/** Where and how the sink writes: endpoint, credentials and batch bounds. */
public record ClickHouseSinkConfig(
        URI url,
        String user,
        String password,
        String database,
        int batchMaxRows,
        long batchMaxBytes,
        long batchMaxDelayMs,
        long retryMaxDurationMs)
        implements Serializable {

    @Override
    public String toString() {
        return "ClickHouseSinkConfig[url="
                + url
                + ", user="
                + user
                + ", password=****, database="
                + database
                + ", batchMaxRows="
                + batchMaxRows
                + ", batchMaxBytes="
                + batchMaxBytes
                + ", batchMaxDelayMs="
                + batchMaxDelayMs
                + ", retryMaxDurationMs="
                + retryMaxDurationMs
                + "]";
    }
}
