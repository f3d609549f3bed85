package org.livepeer.analytics.gateway.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The two body encodings {@code POST /v1/events} accepts, chosen by {@code Content-Type}. */
public enum BodyFormat {
    /** One envelope object or a JSON array of envelopes. */
    JSON("application/json") {
        @Override
        public List<RawEvent> split(byte[] body, int maxEvents) {
            return JsonBodySplitter.split(body, maxEvents);
        }
    },
    /** One envelope per non-empty line. */
    NDJSON("application/x-ndjson") {
        @Override
        public List<RawEvent> split(byte[] body, int maxEvents) {
            return NdjsonSplitter.split(body, maxEvents);
        }
    };

    private final String mediaType;

    BodyFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * Finds the events in {@code body}.
     *
     * @throws org.livepeer.analytics.gateway.http.ApiException {@code invalid_json} when the body
     *     as a whole cannot be read, {@code too_many_events} above {@code maxEvents}
     */
    public abstract List<RawEvent> split(byte[] body, int maxEvents);

    /** The format for a {@code Content-Type} header value (parameters such as charset ignored). */
    public static Optional<BodyFormat> forContentType(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int semicolon = header.indexOf(';');
        String type =
                (semicolon < 0 ? header : header.substring(0, semicolon))
                        .trim()
                        .toLowerCase(Locale.ROOT);
        for (BodyFormat format : values()) {
            if (format.mediaType.equals(type)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
