package org.livepeer.analytics.event.parse;

import java.util.List;
import java.util.Objects;
import org.livepeer.analytics.event.rows.TypedRow;

/** What a parser made of one event: at least one typed row, or a classified error. */
public sealed interface ParseOutcome {

    /** The event's rows; never empty (an event that yields nothing is {@link Rejected}). */
    record Parsed(List<TypedRow> rows) implements ParseOutcome {
        public Parsed {
            rows = List.copyOf(rows);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("a parsed event has at least one row");
            }
        }
    }

    /**
     * A classified error (docs/events.md §2.2).
     *
     * @param errorType {@code missing_field}, {@code invalid_value} or {@code invalid_payload}: a
     *     fixed code, never text from the event
     * @param path the field at fault ({@code data.inference_status.fps}), "" for the whole payload
     * @param message for humans; names the path
     */
    record Rejected(String errorType, String path, String message) implements ParseOutcome {
        public Rejected {
            Objects.requireNonNull(errorType, "errorType");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }
    }
}
