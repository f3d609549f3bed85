package org.livepeer.analytics.event.rows;

/**
 * One entry of an orchestrator's {@code capabilities_prices} ({@code pricePosition} = its index).
 * Prices are int64 on the wire, so they are 64-bit here.
 */
public record NetworkCapabilityPriceRow(
        int position,
        int pricePosition,
        String orchestratorAddress,
        String orchUri,
        long capabilityId,
        String constraintName,
        long pricePerUnit,
        long pixelsPerUnit)
        implements TypedRow {

    public static final String TABLE = "network_capability_prices";

    @Override
    public String table() {
        return TABLE;
    }
}
