package org.livepeer.analytics.processor.row;

import java.util.Locale;
import org.livepeer.analytics.event.envelope.EnvelopeError;
import org.livepeer.analytics.event.parse.PayloadException;

/**
 * The closed set of {@code error_type} values the processor writes to {@code streaming_events_dlq}
 * (docs/processor.md, "Dead letters"). A code never embeds text from the record (a field path, a
 * map key, an event type): that detail goes into {@code error_message}, so the column, the
 * dashboards grouping by it and the {@code deadLetters} metric's labels stay a fixed small set
 * whatever producers send.
 */
public enum DeadLetterCode {
    /** Not one strict JSON value (docs/events.md §1.2). */
    INVALID_JSON,
    /** Not valid UTF-8. */
    INVALID_ENCODING,
    /** Not an object, no rows, a parser failure, or a gateway rejection of no known code. */
    INVALID_PAYLOAD,
    /** A valid envelope of a type no parser reads. */
    UNKNOWN_EVENT_TYPE,
    /** A required envelope or payload field absent or null; the message names its path. */
    MISSING_FIELD,
    /** A value of the wrong type or out of range; the message names its path. */
    INVALID_VALUE,
    /** A row ClickHouse refused as bad data; the message has ClickHouse's error. */
    SINK_REJECTED;

    /** The value of the {@code error_type} column. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * An envelope error in the processor's vocabulary: a wrong type or a bad timestamp is an
     * invalid value, a non-object an invalid payload, a missing field stays a missing field. Also
     * used for the gateway's codes, which are envelope codes; anything else is an invalid payload.
     */
    public static DeadLetterCode fromEnvelope(String envelopeCode) {
        if (envelopeCode.startsWith(EnvelopeError.MISSING_FIELD_PREFIX)) {
            return MISSING_FIELD;
        }
        if (envelopeCode.startsWith(EnvelopeError.WRONG_TYPE_PREFIX)
                || envelopeCode.equals(EnvelopeError.INVALID_TIMESTAMP)) {
            return INVALID_VALUE;
        }
        if (envelopeCode.equals(EnvelopeError.INVALID_JSON)) {
            return INVALID_JSON;
        }
        return INVALID_PAYLOAD;
    }

    /** A parser's error type ({@link PayloadException}); an unknown one is an invalid payload. */
    public static DeadLetterCode fromParser(String parserErrorType) {
        return switch (parserErrorType) {
            case PayloadException.MISSING_FIELD -> MISSING_FIELD;
            case PayloadException.INVALID_VALUE -> INVALID_VALUE;
            default -> INVALID_PAYLOAD;
        };
    }
}
