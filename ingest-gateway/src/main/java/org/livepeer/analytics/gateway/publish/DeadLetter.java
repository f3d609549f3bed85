package org.livepeer.analytics.gateway.publish;

import java.util.Arrays;
import java.util.Objects;

/**
 * A rejected envelope on its way to the DLQ topic: its bytes as received (cut to {@link
 * #MAX_VALUE_BYTES}), why it was rejected, and its id and type when they could be read.
 *
 * @param value the bytes as received, at most {@link #MAX_VALUE_BYTES}
 * @param truncated whether {@code value} was cut
 * @param eventId the event's id, or null
 * @param eventType the event's type, or null
 * @param errorType the gateway's error code, e.g. {@code missing_field:id}
 * @param errorMessage what was wrong, for people
 */
public record DeadLetter(
        byte[] value,
        boolean truncated,
        String eventId,
        String eventType,
        String errorType,
        String errorMessage) {

    /** The DLQ keeps at most 64 KiB of a rejected event. */
    public static final int MAX_VALUE_BYTES = 64 * 1024;

    private static final int MAX_MESSAGE_CHARS = 1024;

    public DeadLetter {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (value.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("value longer than " + MAX_VALUE_BYTES);
        }
        if (errorMessage.length() > MAX_MESSAGE_CHARS) {
            errorMessage = errorMessage.substring(0, MAX_MESSAGE_CHARS);
        }
    }

    /** The letter for {@code length} bytes of {@code body} from {@code offset}, cut if too long. */
    public static DeadLetter of(
            byte[] body,
            int offset,
            int length,
            String eventId,
            String eventType,
            String errorType,
            String errorMessage) {
        boolean cut = length > MAX_VALUE_BYTES;
        byte[] value = Arrays.copyOfRange(body, offset, offset + Math.min(length, MAX_VALUE_BYTES));
        return new DeadLetter(value, cut, eventId, eventType, errorType, errorMessage);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d
                && Arrays.equals(value, d.value)
                && truncated == d.truncated
                && Objects.equals(eventId, d.eventId)
                && Objects.equals(eventType, d.eventType)
                && errorType.equals(d.errorType)
                && errorMessage.equals(d.errorMessage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(value), eventId, errorType);
    }

    @Override
    public String toString() {
        return "DeadLetter[" + errorType + ", id=" + eventId + ", " + value.length + " bytes]";
    }
}
