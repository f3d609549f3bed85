package org.livepeer.analytics.event.rows;

/** One orchestrator of a {@code discovery_results} list, with its index in the list. */
public record DiscoveryResultRow(
        int position, String orchestratorAddress, String orchestratorUrl, long latencyMs)
        implements TypedRow {

    public static final String TABLE = "discovery_results";

    @Override
    public String table() {
        return TABLE;
    }
}
