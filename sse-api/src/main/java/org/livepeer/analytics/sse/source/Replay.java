package org.livepeer.analytics.sse.source;

import java.util.List;

/**
 * What a resume read back: the records between the resume point and the live position, and the gaps
 * where that range could not be served.
 */
public record Replay(List<TailRecord> records, List<Gap> gaps) {

    public Replay {
        records = List.copyOf(records);
        gaps = List.copyOf(gaps);
    }

    /**
     * A range that is gone or not served.
     *
     * @param reason {@code retention} (deleted by the broker), {@code too_far_behind} (more than
     *     the replay limit), {@code replay_timeout} or {@code invalid_token}; from the live tail
     *     also {@code truncated} (the log now ends before {@code requestedOffset})
     * @param token where the stream continues after the gap
     */
    public record Gap(
            String reason, int partition, long requestedOffset, long resumedOffset, String token) {}
}
