package org.livepeer.analytics.wire;

/**
 * Names of the Kafka record headers the ingest gateway writes and the processor reads: the one
 * place both sides take them from (docs/kafka.md, "Headers"). Every value is UTF-8 text.
 *
 * <p>Records of the events topic carry {@link #SOURCE} and {@link #RECEIVED_AT}; direct producers
 * usually set neither. Records of the gateway's rejections (DLQ) topic carry those two as well,
 * plus {@link #ERROR_TYPE} and {@link #ERROR_MESSAGE}, and {@link #EVENT_ID}, {@link #EVENT_TYPE}
 * and {@link #TRUNCATED} when they apply.
 */
public final class WireHeaders {

    /** The name of the API key that sent the event. */
    public static final String SOURCE = "source";

    /**
     * When the gateway received the request, in milliseconds since the epoch on the gateway's
     * clock, as decimal text (e.g. {@code 1767225600123}).
     */
    public static final String RECEIVED_AT = "received_at";

    /** The gateway's error code of a rejected event, e.g. {@code missing_field:id}. */
    public static final String ERROR_TYPE = "error_type";

    /** The gateway's human-readable reason for a rejection. */
    public static final String ERROR_MESSAGE = "error_message";

    /** The rejected event's id; absent when it could not be read. */
    public static final String EVENT_ID = "event_id";

    /** The rejected event's type; absent when it could not be read. */
    public static final String EVENT_TYPE = "event_type";

    /** {@code true} when a rejected value was cut to 64 KiB; absent otherwise. */
    public static final String TRUNCATED = "truncated";

    private WireHeaders() {}
}
