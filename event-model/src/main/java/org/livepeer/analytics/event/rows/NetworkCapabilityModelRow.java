package org.livepeer.analytics.event.rows;

import com.fasterxml.jackson.annotation.JsonFormat;

/** One model of {@code capabilities.constraints.PerCapability.<capability>.models}. */
public record NetworkCapabilityModelRow(
        int position,
        String orchestratorAddress,
        String orchUri,
        long capabilityId,
        String modelId,
        @JsonFormat(shape = JsonFormat.Shape.NUMBER) boolean warm,
        long capacity,
        long capacityInUse,
        String runnerVersion)
        implements TypedRow {

    public static final String TABLE = "network_capability_models";

    @Override
    public String table() {
        return TABLE;
    }
}
