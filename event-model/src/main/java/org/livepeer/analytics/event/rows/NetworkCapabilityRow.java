package org.livepeer.analytics.event.rows;

import java.math.BigInteger;
import java.util.List;

/**
 * One orchestrator of a {@code network_capabilities} snapshot ({@code position} = its index in the
 * event's array). Addresses are lower-cased.
 */
public record NetworkCapabilityRow(
        int position,
        String orchestratorAddress,
        String localAddress,
        String orchUri,
        String orchestratorVersion,
        String minVersion,
        List<BigInteger> bitstring,
        List<BigInteger> mandatories,
        Long pricePerUnit,
        Long pixelsPerUnit,
        String capabilityOptionsJson)
        implements TypedRow {

    public static final String TABLE = "network_capabilities";

    public NetworkCapabilityRow {
        bitstring = List.copyOf(bitstring);
        mandatories = List.copyOf(mandatories);
    }

    @Override
    public String table() {
        return TABLE;
    }
}
