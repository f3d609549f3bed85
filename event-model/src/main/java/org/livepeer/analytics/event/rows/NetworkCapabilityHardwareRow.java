package org.livepeer.analytics.event.rows;

/**
 * One GPU of one {@code hardware} entry of an orchestrator. An entry without {@code gpu_info} gives
 * one row whose {@code gpu*} columns are NULL; {@code gpuPosition} keeps the GPUs of one entry
 * distinct.
 */
public record NetworkCapabilityHardwareRow(
        int position,
        int hardwarePosition,
        int gpuPosition,
        String orchestratorAddress,
        String orchUri,
        String pipeline,
        String modelId,
        String gpuSlot,
        String gpuId,
        String gpuName,
        Long gpuMajor,
        Long gpuMinor,
        Long gpuMemoryFreeBytes,
        Long gpuMemoryTotalBytes)
        implements TypedRow {

    public static final String TABLE = "network_capability_hardware";

    @Override
    public String table() {
        return TABLE;
    }
}
