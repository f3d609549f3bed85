package org.livepeer.analytics.event.rows;

import java.util.Objects;

/**
 * The columns every typed row carries, taken from the envelope and the transport. {@code source}
 * names who delivered the event (the gateway's key name, or e.g. {@code kafka} for producers that
 * write to Kafka directly).
 */
public record EventMeta(
        String eventId, String eventType, long eventTsMs, String gateway, String source) {

    public EventMeta {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(source, "source");
        if (eventTsMs < 0) {
            throw new IllegalArgumentException("eventTsMs must not be negative: " + eventTsMs);
        }
    }
}
