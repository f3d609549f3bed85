package org.livepeer.analytics.event.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * An event envelope that passed {@link EnvelopeValidator}: {@code id} and {@code type} are
 * non-empty, {@code timestampMs} is within the accepted range, {@code gateway} is never null (""
 * when absent) and {@code data} is a non-null JSON value (object or array).
 */
public record Envelope(String id, String type, long timestampMs, String gateway, JsonNode data) {

    public Envelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(data, "data");
    }
}
