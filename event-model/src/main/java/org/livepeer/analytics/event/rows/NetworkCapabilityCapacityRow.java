package org.livepeer.analytics.event.rows;

/** One entry of an orchestrator's {@code capabilities.capacities} map. */
public record NetworkCapabilityCapacityRow(
        int position, String orchestratorAddress, String orchUri, long capabilityId, long capacity)
        implements TypedRow {

    public static final String TABLE = "network_capability_capacities";

    @Override
    public String table() {
        return TABLE;
    }
}
