package org.livepeer.analytics.wire;

/**
 * The key rule of the events topic (docs/kafka.md, "Record keys"): the stream id when the event has
 * a non-empty one, so a stream's events stay in one partition and in order; otherwise the event id,
 * which spreads events without a stream over the partitions. Dead letters are keyed by the event id
 * when it could be read, and have no key otherwise.
 */
public final class RecordKeys {

    private RecordKeys() {}

    /**
     * The key of an accepted event's record.
     *
     * @param streamId {@code data.stream_id}, or null when absent or not a string
     * @param eventId the envelope's {@code id}
     */
    public static String eventKey(String streamId, String eventId) {
        return streamId != null && !streamId.isEmpty() ? streamId : eventId;
    }
}
