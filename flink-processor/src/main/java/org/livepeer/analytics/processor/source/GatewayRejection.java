package org.livepeer.analytics.processor.source;

/**
 * One record of the gateway's DLQ topic: the rejected bytes (already truncated to 64 KiB by the
 * gateway) and the headers that explain the rejection. Header fields are null when absent. A Flink
 * POJO.
 */
public final class GatewayRejection {

    public byte[] value = new byte[0];
    public String topic = "";
    public int partition;
    public long offset;

    public String errorType;
    public String errorMessage;
    public String source;
    public String receivedAt;
    public String eventId;
    public String eventType;
    public String truncated;

    public GatewayRejection() {}

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset + " " + errorType;
    }
}
