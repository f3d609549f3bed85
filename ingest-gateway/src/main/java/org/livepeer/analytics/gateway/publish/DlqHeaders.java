package org.livepeer.analytics.gateway.publish;

import org.apache.kafka.common.header.Headers;

/**
 * Header names of a DLQ record (UTF-8 text values). Besides these, a DLQ record carries {@code
 * source} and {@code received_at} like an event record. The processor reads them to fill {@code
 * streaming_events_dlq}.
 */
public final class DlqHeaders {

    /** The gateway's error code, e.g. {@code missing_field:id}. */
    public static final String ERROR_TYPE = "error_type";

    public static final String ERROR_MESSAGE = "error_message";

    /** The event's id; absent when it could not be read. */
    public static final String EVENT_ID = "event_id";

    /** The event's type; absent when it could not be read. */
    public static final String EVENT_TYPE = "event_type";

    /** {@code true} when the value was cut to 64 KiB; absent otherwise. */
    public static final String TRUNCATED = "truncated";

    private DlqHeaders() {}

    static void addOptional(Headers headers, DeadLetter letter) {
        if (letter.eventId() != null) {
            headers.add(EVENT_ID, KafkaEventPublisher.utf8(letter.eventId()));
        }
        if (letter.eventType() != null) {
            headers.add(EVENT_TYPE, KafkaEventPublisher.utf8(letter.eventType()));
        }
        if (letter.truncated()) {
            headers.add(TRUNCATED, KafkaEventPublisher.utf8("true"));
        }
    }
}
